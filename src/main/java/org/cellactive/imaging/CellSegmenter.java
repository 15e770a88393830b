package org.cellactive.imaging;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * Finds the one cell inside a box crop.
 *
 * <ol>
 *   <li><b>Threshold</b> the crop's gray plane with the chosen {@link ThresholdMethod},
 *       computed on this crop alone. BCCD cells are darker than the background, so the
 *       foreground is {@code gray < threshold}.</li>
 *   <li><b>Fill holes</b>: background pixels that are not 4-connected to the crop border
 *       become foreground (as {@code scipy.ndimage.binary_fill_holes}). The pale centre of a
 *       red cell is part of the cell.</li>
 *   <li><b>Label</b> 8-connected foreground components.</li>
 *   <li><b>Choose one</b>: the component that contains the centre pixel
 *       {@code (width / 2, height / 2)} (integer division) if there is one; otherwise the
 *       largest component; among equally large ones, the one whose centroid lies nearest the
 *       crop centre; if that still ties, the first in row-major order of its first pixel.
 *       Annotators centre their box on the cell, so the centre rule keeps the cell even when a
 *       neighbour that pokes into the box is bigger; the size rule covers cells with a hole or
 *       a gap at the centre that filling did not close.</li>
 * </ol>
 *
 * <p>No smoothing, no declumping, no size filter: one object per box is expected.
 * Cost is a few linear passes over {@code int}/{@code byte} arrays of the crop's size.
 */
public final class CellSegmenter implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final RejectedException.Stage SEGMENT = RejectedException.Stage.SEGMENT;

    // Pixel states while segmenting; components found in the label pass get ids FIRST_LABEL...
    private static final int BACKGROUND = 0;
    private static final int FOREGROUND = 1;
    private static final int OUTSIDE = 2;
    private static final int FIRST_LABEL = 3;

    private final ThresholdMethod method;

    public CellSegmenter(ThresholdMethod method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    public ThresholdMethod method() {
        return method;
    }

    /**
     * The mask of the chosen cell, the same size as the crop.
     *
     * @throws RejectedException stage SEGMENT, when no pixel is darker than the threshold
     */
    public ObjectMask segment(CellImage crop) throws RejectedException {
        int w = crop.width();
        int h = crop.height();
        int n = w * h;
        float[] gray = crop.gray();
        double threshold = method.threshold(gray);
        int[] state = new int[n];
        int foreground = 0;
        for (int i = 0; i < n; i++) {
            if (gray[i] < threshold) {
                state[i] = FOREGROUND;
                foreground++;
            }
        }
        if (foreground == 0) {
            throw new RejectedException(SEGMENT, noObjectReason(gray, threshold));
        }
        int[] stack = new int[n];
        fillHoles(state, w, h, stack);
        int centre = (h / 2) * w + w / 2;
        int chosen;
        if (state[centre] == FOREGROUND) {
            chosen = FIRST_LABEL;
            flood8(state, w, h, centre, chosen, stack, new long[2]);
        } else {
            chosen = labelAndPickLargest(state, w, h, stack);
        }
        boolean[] inside = new boolean[n];
        for (int i = 0; i < n; i++) {
            inside[i] = state[i] == chosen;
        }
        return new ObjectMask(w, h, inside);
    }

    private String noObjectReason(float[] gray, double threshold) {
        float first = gray[0];
        for (float v : gray) {
            if (v != first) {
                return String.format(Locale.ROOT, "no object found: no pixel darker than the %s threshold %.4f",
                        method.name().toLowerCase(Locale.ROOT), threshold);
            }
        }
        return String.format(Locale.ROOT, "no object found: crop is uniform (gray %.4f)", first);
    }

    /** Marks background reachable from the border as OUTSIDE; what is left of the background is a hole. */
    private static void fillHoles(int[] state, int w, int h, int[] stack) {
        int top = 0;
        for (int x = 0; x < w; x++) {
            top = pushBackground(state, x, stack, top);
            top = pushBackground(state, (h - 1) * w + x, stack, top);
        }
        for (int y = 1; y < h - 1; y++) {
            top = pushBackground(state, y * w, stack, top);
            top = pushBackground(state, y * w + w - 1, stack, top);
        }
        while (top > 0) {
            int p = stack[--top];
            int x = p % w;
            if (x > 0) top = pushBackground(state, p - 1, stack, top);
            if (x < w - 1) top = pushBackground(state, p + 1, stack, top);
            if (p >= w) top = pushBackground(state, p - w, stack, top);
            if (p < state.length - w) top = pushBackground(state, p + w, stack, top);
        }
        for (int i = 0; i < state.length; i++) {
            state[i] = state[i] == BACKGROUND ? FOREGROUND : state[i] == OUTSIDE ? BACKGROUND : state[i];
        }
    }

    private static int pushBackground(int[] state, int p, int[] stack, int top) {
        if (state[p] == BACKGROUND) {
            state[p] = OUTSIDE;
            stack[top++] = p;
        }
        return top;
    }

    /**
     * Relabels the 8-connected FOREGROUND component of {@code seed} as {@code label}; returns its
     * size and leaves the sums of its x and y in {@code sums}.
     */
    private static int flood8(int[] state, int w, int h, int seed, int label, int[] stack, long[] sums) {
        int top = 0;
        state[seed] = label;
        stack[top++] = seed;
        int size = 0;
        long sumX = 0;
        long sumY = 0;
        while (top > 0) {
            int p = stack[--top];
            size++;
            int x = p % w;
            int y = p / w;
            sumX += x;
            sumY += y;
            int yFrom = Math.max(0, y - 1);
            int yTo = Math.min(h - 1, y + 1);
            int xFrom = Math.max(0, x - 1);
            int xTo = Math.min(w - 1, x + 1);
            for (int ny = yFrom; ny <= yTo; ny++) {
                int row = ny * w;
                for (int nx = xFrom; nx <= xTo; nx++) {
                    int q = row + nx;
                    if (state[q] == FOREGROUND) {
                        state[q] = label;
                        stack[top++] = q;
                    }
                }
            }
        }
        sums[0] = sumX;
        sums[1] = sumY;
        return size;
    }

    /** Labels every component and returns the label of the largest (ties: centroid nearest the centre). */
    private static int labelAndPickLargest(int[] state, int w, int h, int[] stack) {
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        int bestLabel = -1;
        int bestSize = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        int label = FIRST_LABEL;
        long[] sums = new long[2];
        for (int p = 0; p < state.length; p++) {
            if (state[p] != FOREGROUND) {
                continue;
            }
            int size = flood8(state, w, h, p, label, stack, sums);
            if (size >= bestSize) {
                double distance = Math.hypot((double) sums[0] / size - cx, (double) sums[1] / size - cy);
                if (size > bestSize || distance < bestDistance) {
                    bestLabel = label;
                    bestSize = size;
                    bestDistance = distance;
                }
            }
            label++;
        }
        return bestLabel;
    }
}
