package org.cellactive.imaging;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.cellactive.reject.RejectedException;

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
 * Cost is a few linear passes over a {@code byte} array of the crop's size plus a one-pixel
 * border, which spares the flood fills every bounds check and division.
 */
public final class CellSegmenter implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final RejectedException.Stage SEGMENT = RejectedException.Stage.SEGMENT;

    // Pixel states while segmenting, one byte each: the grid of a crop then fits the core's
    // first-level cache. Hole filling leaves BACKGROUND and FOREGROUND; the chosen component
    // becomes CHOSEN, and components looked at and not (yet) chosen SEEN.
    private static final int BACKGROUND = 0;
    private static final int FOREGROUND = 1;
    private static final int OUTSIDE = 2;
    private static final int CHOSEN = 3;
    private static final int SEEN = 4;

    /** Per-thread work arrays: byte slot 0 the pixel states, int slot 0 the fill stack. */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(1, 0, 0, 1));

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
        byte[] state = scratch.zeroedBytes(0, cells);
        ByteLevels levels = crop.levels();
        int foreground = levels != null
                ? markDarkCodes(levels.grayCodes(), GrayCodes.countBelow(threshold), w, h, stride, state)
                : markDark(crop.gray(), threshold, w, h, stride, state);
        if (foreground == 0) {
            throw new RejectedException(SEGMENT, noObjectReason(crop.gray(), threshold));
        }
        // Each run enters the stack once, as two ints; runs are at most half the cells, plus one.
        int[] stack = scratch.ints(0, cells + 2);
        fillHoles(state, cells, stride, stack);
        int centre = (h / 2 + 1) * stride + w / 2 + 1;
        if (state[centre] == FOREGROUND) {
            flood8(state, cells, stride, centre, FOREGROUND, CHOSEN, stack, null);
        } else {
            pickLargest(state, cells, w, h, stack);
        }
        boolean[] inside = new boolean[w * h];
        for (int y = 0, o = 0; y < h; y++) {
            int row = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++, o++) {
                inside[o] = state[row + x] == CHOSEN;
            }
        }
        return new ObjectMask(w, h, inside);
    }

    /** Marks FOREGROUND the pixels darker than {@code threshold}; returns how many. */
    private static int markDark(float[] gray, double threshold, int w, int h, int stride, byte[] state) {
        int foreground = 0;
        for (int y = 0, i = 0; y < h; y++) {
            int row = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++, i++) {
                if (gray[i] < threshold) {
                    state[row + x] = (byte) FOREGROUND;
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
    private static int markDarkCodes(short[] codes, int codesBelow, int w, int h, int stride, byte[] state) {
        int foreground = 0;
        for (int y = 0, i = 0; y < h; y++) {
            int row = (y + 1) * stride + 1;
            for (int x = 0; x < w; x++, i++) {
                // Every pixel written, without a branch: which side of the threshold a pixel
                // falls on is unpredictable along a cell's edge.
                int dark = (codes[i] - codesBelow) >>> 31;
                state[row + x] = (byte) dark;
                foreground += dark;
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
    private static void fillHoles(byte[] state, int cells, int stride, int[] stack) {
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
        // Holes (still BACKGROUND) join the foreground; OUTSIDE is background again:
        // 0 and 1 become 1, 2 becomes 0.
        for (int i = 0; i < cells; i++) {
            state[i] = (byte) ((state[i] ^ OUTSIDE) >> 1);
        }
    }

    /**
     * Sets the 8-connected component of {@code from} cells around {@code seed} to {@code to}. A
     * span fill, as {@link #fillHoles}: a run's neighbours in the rows above and below are the
     * cells from one left of it to one right of it. The ring is never {@code from}, so runs and
     * scans stop there and never leave the array.
     *
     * @param sums null, or {size, Σx, Σy} of the component's pixels (crop coordinates), added to
     */
    private static void flood8(byte[] state, int cells, int stride, int seed, int from, int to, int[] stack,
                               long[] sums) {
        int last = cells - 1;
        int top = markRun(state, seed, from, to, 0, last, stack, 0);
        while (top > 0) {
            int right = stack[--top];
            int left = stack[--top];
            if (sums != null) {
                long length = right - left + 1;
                long x0 = left % stride - 1;
                sums[0] += length;
                sums[1] += length * x0 + length * (length - 1) / 2;
                sums[2] += length * (left / stride - 1);
            }
            top = markRuns(state, left - 1 - stride, right + 1 - stride, from, to, 0, last, stack, top);
            top = markRuns(state, left - 1 + stride, right + 1 + stride, from, to, 0, last, stack, top);
        }
    }

    /**
     * Marks every run of {@code from} cells that has a cell in {@code [first, end]}, as
     * {@link #markRun} does; returns the new stack top.
     */
    private static int markRuns(byte[] state, int first, int end, int from, int to, int low, int high,
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
    private static int markRun(byte[] state, int p, int from, int to, int low, int high, int[] stack, int top) {
        int left = p;
        while (left > low && state[left - 1] == from) left--;
        int right = p;
        while (right < high && state[right + 1] == from) right++;
        for (int q = left; q <= right; q++) {
            state[q] = (byte) to;
        }
        stack[top++] = left;
        stack[top++] = right;
        return top;
    }

    /**
     * Marks CHOSEN the largest component (ties: centroid nearest the centre, then the first in
     * row-major order of its first pixel), every other one SEEN. Components are met in that
     * order, each measured by one fill; the winner is filled again to mark it.
     */
    private static void pickLargest(byte[] state, int cells, int w, int h, int[] stack) {
        int stride = w + 2;
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        int best = -1;
        long bestSize = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        long[] sums = new long[3];
        for (int p = stride; p < cells - stride; p++) {
            if (state[p] != FOREGROUND) {
                continue;
            }
            Arrays.fill(sums, 0);
            flood8(state, cells, stride, p, FOREGROUND, SEEN, stack, sums);
            long size = sums[0];
            double distance = Math.hypot((double) sums[1] / size - cx, (double) sums[2] / size - cy);
            // Strict comparisons keep the first of equals.
            if (size > bestSize || (size == bestSize && distance < bestDistance)) {
                best = p;
                bestSize = size;
                bestDistance = distance;
            }
        }
        flood8(state, cells, stride, best, SEEN, CHOSEN, stack, null);
    }
}
