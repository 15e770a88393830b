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
 *       foreground is {@code gray < threshold}; a pixel exactly at the threshold is background.
 *       (The complement of scikit-image's {@code image > t} would count it as foreground; with
 *       Otsu's bin-centre thresholds and 8-bit pixels the two rarely differ.)</li>
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
 * Cost is a few linear passes over an {@code int} array of the crop's size plus a one-pixel
 * border, which spares the flood fills every bounds check and division.
 */
public final class CellSegmenter implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final RejectedException.Stage SEGMENT = RejectedException.Stage.SEGMENT;

    // Pixel states while segmenting; components found in the label pass get ids FIRST_LABEL...
    private static final int BACKGROUND = 0;
    private static final int FOREGROUND = 1;
    private static final int OUTSIDE = 2;
    private static final int FIRST_LABEL = 3;
    /** State after hole filling, by state before: holes (still BACKGROUND) join the foreground. */
    private static final int[] AFTER_FILL = {FOREGROUND, FOREGROUND, BACKGROUND};

    /** Per-thread work arrays: slot 0 the pixel states, slot 1 the fill stack. */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(2, 0, 0, 0));

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
        double threshold = method.threshold(crop);
        // Padded grid: stride w + 2, a ring of BACKGROUND around the crop.
        int stride = w + 2;
        int cells = stride * (h + 2);
        ScratchArrays scratch = SCRATCH.get();
        int[] state = scratch.zeroedInts(0, cells);
        ByteLevels levels = crop.levels();
        int foreground = levels != null
                ? markDarkCodes(levels.grayCodes(), GrayCodes.countBelow(threshold), w, h, stride, state)
                : markDark(crop.gray(), threshold, w, h, stride, state);
        if (foreground == 0) {
            throw new RejectedException(SEGMENT, noObjectReason(crop.gray(), threshold));
        }
        // Each run enters the stack once, as two ints; runs are at most half the cells, plus one.
        int[] stack = scratch.ints(1, cells + 2);
        fillHoles(state, cells, stride, stack);
        int centre = (h / 2 + 1) * stride + w / 2 + 1;
        int chosen;
        if (state[centre] == FOREGROUND) {
            chosen = FIRST_LABEL;
            flood8(state, cells, stride, centre, chosen, stack);
        } else {
            chosen = labelAndPickLargest(state, cells, w, h, stack);
        }
        boolean[] inside = new boolean[w * h];
        for (int y = 0, o = 0; y < h; y++) {
            int row = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++, o++) {
                inside[o] = state[row + x] == chosen;
            }
        }
        return new ObjectMask(w, h, inside);
    }

    /** Marks FOREGROUND the pixels darker than {@code threshold}; returns how many. */
    private static int markDark(float[] gray, double threshold, int w, int h, int stride, int[] state) {
        int foreground = 0;
        for (int y = 0, i = 0; y < h; y++) {
            int row = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++, i++) {
                if (gray[i] < threshold) {
                    state[row + x] = FOREGROUND;
                    foreground++;
                }
            }
        }
        return foreground;
    }

    /**
     * As {@link #markDark}, from gray codes: codes rank the gray floats, so a pixel is darker than
     * the threshold exactly when its code is below {@code codesBelow}, the count of darker floats.
     */
    private static int markDarkCodes(short[] codes, int codesBelow, int w, int h, int stride, int[] state) {
        int foreground = 0;
        for (int y = 0, i = 0; y < h; y++) {
            int row = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++, i++) {
                if (codes[i] < codesBelow) {
                    state[row + x] = FOREGROUND;
                    foreground++;
                }
            }
        }
        return foreground;
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

    /**
     * Background 4-connected to the border becomes BACKGROUND, the rest of the background (holes)
     * FOREGROUND, over the first {@code cells} entries (the scratch array may be longer). The
     * padding ring touches every border pixel, so one fill from a corner of the ring reaches all
     * background that touches the border.
     *
     * <p>A span fill: runs of background along a row are taken whole and marked when found, so
     * each run enters the stack once (as its two ends) and the stack needs no more entries than
     * there are cells. A pixel's neighbours are p ± 1 and p ± stride within the array, as in a
     * pixel-by-pixel fill: a run may continue from the last ring pixel of a row to the first of
     * the next, which only joins ring to ring.
     */
    private static void fillHoles(int[] state, int cells, int stride, int[] stack) {
        int last = cells - 1;
        int top = markRun(state, 0, BACKGROUND, OUTSIDE, 0, last, stack, 0);
        while (top > 0) {
            int right = stack[--top];
            int left = stack[--top];
            if (left - stride >= 0) {
                top = markRuns(state, left - stride, right - stride, BACKGROUND, OUTSIDE, 0, last, stack, top);
            } else if (right - stride >= 0) {
                top = markRuns(state, 0, right - stride, BACKGROUND, OUTSIDE, 0, last, stack, top);
            }
            if (right + stride <= last) {
                top = markRuns(state, left + stride, right + stride, BACKGROUND, OUTSIDE, 0, last, stack, top);
            } else if (left + stride <= last) {
                top = markRuns(state, left + stride, last, BACKGROUND, OUTSIDE, 0, last, stack, top);
            }
        }
        for (int i = 0; i < cells; i++) {
            state[i] = AFTER_FILL[state[i]];
        }
    }

    /**
     * Relabels the 8-connected FOREGROUND component of {@code seed} as {@code label} and returns its
     * size. A span fill, as {@link #fillHoles}: a run's neighbours in the rows above and below
     * are the cells from one left of it to one right of it. The ring is never FOREGROUND, so
     * runs and scans stop there and never leave the array.
     */
    private static int flood8(int[] state, int cells, int stride, int seed, int label, int[] stack) {
        int last = cells - 1;
        int top = markRun(state, seed, FOREGROUND, label, 0, last, stack, 0);
        int size = 0;
        while (top > 0) {
            int right = stack[--top];
            int left = stack[--top];
            size += right - left + 1;
            top = markRuns(state, left - 1 - stride, right + 1 - stride, FOREGROUND, label, 0, last, stack, top);
            top = markRuns(state, left - 1 + stride, right + 1 + stride, FOREGROUND, label, 0, last, stack, top);
        }
        return size;
    }

    /**
     * Marks every run of {@code from} cells that has a cell in {@code [first, end]}, as
     * {@link #markRun} does; returns the new stack top.
     */
    private static int markRuns(int[] state, int first, int end, int from, int to, int low, int high,
                                int[] stack, int top) {
        for (int q = first; q <= end; q++) {
            if (state[q] == from) {
                top = markRun(state, q, from, to, low, high, stack, top);
                q = stack[top - 1] + 1; // the run's right end; the cell after it is not `from`
            }
        }
        return top;
    }

    /**
     * Extends the run of {@code from} cells through {@code p} left and right (within
     * {@code [low, high]}), sets it to {@code to}, and pushes its two ends; returns the new top.
     */
    private static int markRun(int[] state, int p, int from, int to, int low, int high, int[] stack, int top) {
        int left = p;
        while (left > low && state[left - 1] == from) left--;
        int right = p;
        while (right < high && state[right + 1] == from) right++;
        for (int q = left; q <= right; q++) {
            state[q] = to;
        }
        stack[top++] = left;
        stack[top++] = right;
        return top;
    }

    /** Labels every component and returns the label of the largest (ties: centroid nearest the centre). */
    private static int labelAndPickLargest(int[] state, int cells, int w, int h, int[] stack) {
        int stride = w + 2;
        int labels = 0;
        for (int p = stride; p < cells - stride; p++) {
            if (state[p] == FOREGROUND) {
                flood8(state, cells, stride, p, FIRST_LABEL + labels, stack);
                labels++;
            }
        }
        long[] size = new long[labels];
        long[] sumX = new long[labels];
        long[] sumY = new long[labels];
        for (int y = 0; y < h; y++) {
            int row = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++) {
                int s = state[row + x] - FIRST_LABEL;
                if (s >= 0) {
                    size[s]++;
                    sumX[s] += x;
                    sumY[s] += y;
                }
            }
        }
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < labels; k++) {
            double distance = Math.hypot((double) sumX[k] / size[k] - cx, (double) sumY[k] / size[k] - cy);
            // Labels run in row-major order of their first pixel, so strict comparisons keep the first.
            if (size[k] > size[best] || (size[k] == size[best] && distance < bestDistance)) {
                best = k;
                bestDistance = distance;
            }
        }
        return FIRST_LABEL + best;
    }
}
