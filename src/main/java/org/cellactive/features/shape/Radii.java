package org.cellactive.features.shape;

import org.cellactive.imaging.ScratchArrays;

/**
 * Maximum, mean and median of the Euclidean distance from each object pixel to the
 * nearest background pixel (centre to centre; outside the crop is background), as
 * CellProfiler computes them with {@code scipy.ndimage.distance_transform_edt} on
 * the object image padded by one pixel. A pixel touching the background by an edge
 * is at distance 1. The median of an even count is the mean of the two middle
 * values, as {@code centrosome.cpmorphology.median_of_labels}.
 *
 * <p>The transform is exact and linear-time, in the two-pass scheme of Meijster,
 * Roerdink and Hesselink (2000) and Felzenszwalb and Huttenlocher: a vertical pass
 * gives each cell's distance to the nearest background cell in its column, then a
 * horizontal pass takes the lower envelope of the parabolas (x - u)^2 + g(u)^2. The
 * envelope is built as a convex hull of lines (each parabola minus x^2 is a line),
 * exactly, in integer arithmetic compared by cross-multiplication; one exact division per
 * envelope parabola then finds the first pixel it owns (see {@code markOwners}).
 *
 * @param max the largest distance, in pixels
 * @param mean the mean distance over object pixels
 * @param median the median distance over object pixels
 */
record Radii(double max, double mean, double median) {
    /** Per-thread work arrays: column distances, squared distances, histogram, and a row's envelope. */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(6, 1, 0, 0));

    /**
     * The longest box side the transform takes: squared distances and the histogram's size are
     * ints, and 46,340² is the largest square below 2³¹. A cell is far smaller; a hostile box
     * is refused (the cell is rejected with this reason) rather than measured wrong.
     */
    static final int MAX_SIDE = 46_340;

    static Radii of(PaddedObject object) {
        if (Math.max(object.boxWidth(), object.boxHeight()) > MAX_SIDE) {
            throw new IllegalArgumentException("object's box is " + object.boxWidth() + " x " + object.boxHeight()
                    + " pixels; the radius transform takes sides up to " + MAX_SIDE);
        }
        ScratchArrays scratch = SCRATCH.get();
        int[] squared = squaredDistances(object, scratch);
        int count = object.area();
        // Squared distances are small integers, so a histogram sorts them in one pass. No
        // distance exceeds half the box's shorter side (the padding ring is background),
        // which bounds the histogram before the largest value is known.
        int shorter = Math.min(object.boxWidth(), object.boxHeight());
        int[] histogram = scratch.zeroedInts(2, (shorter + 1) * (shorter + 1) / 4 + 1);
        int largest = 0;
        int w = object.gridWidth();
        for (int y = 0; y < object.boxHeight(); y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            // The row's cells from its first to its last object cell: the background
            // cells among them hold 0, which the sums below skip.
            int row = (y + 1) * w + 1;
            for (int i = row + left, end = row + object.rowRight(y); i <= end; i++) {
                int v = squared[i];
                histogram[v]++;
                largest = Math.max(largest, v);
            }
        }
        int lowRank = (count - 1) / 2;
        int highRank = count / 2;
        int lowValue = -1;
        int highValue = -1;
        double sum = 0.0;
        int seen = 0;
        for (int v = 1; v <= largest; v++) {
            int n = histogram[v];
            if (n == 0) continue;
            sum += n * Math.sqrt(v);
            if (lowValue < 0 && seen + n > lowRank) lowValue = v;
            if (highValue < 0 && seen + n > highRank) highValue = v;
            seen += n;
        }
        double median = (Math.sqrt(lowValue) + Math.sqrt(highValue)) / 2.0;
        return new Radii(Math.sqrt(largest), sum / count, median);
    }

    /**
     * Squared distance to the nearest background cell for every cell of the grid from
     * each row's first object cell to its last (background cells there hold 0; cells
     * elsewhere are not written).
     */
    static int[] squaredDistances(PaddedObject object) {
        return squaredDistances(object, new ScratchArrays(6, 1, 0, 0));
    }

    private static int[] squaredDistances(PaddedObject object, ScratchArrays scratch) {
        int w = object.gridWidth();
        int[] column = scratch.ints(0, object.grid().length);
        distancesFromAbove(object, column);
        int[] result = scratch.ints(1, column.length);
        int[] g2 = scratch.ints(3, w);
        int[] s = scratch.ints(4, w);
        int[] owner = scratch.ints(5, w);
        long[] intercept = scratch.longs(0, w);
        // Bottom row first: finishing the vertical pass (the distance to the nearest
        // background cell below) needs the finished row underneath, and the row pass
        // then reads the row while it is still in cache.
        for (int y = object.boxHeight() - 1; y >= 0; y--) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            // Grid columns left .. right + 2 span the row's object cells and the
            // background cell on each side; a background cell farther out is never
            // nearer than those two.
            int first = left;
            int last = object.rowRight(y) + 2;
            int m = last - first + 1;
            int row = (y + 1) * w + first;
            for (int x = 0; x < m; x++) {
                int g = Math.min(column[row + x], column[row + w + x] + 1);
                column[row + x] = g;
                g2[x] = g * g;
                intercept[x] = (long) x * x + g2[x];
            }
            int q = lowerEnvelope(intercept, m, s);
            markOwners(intercept, s, q, m, owner);
            for (int x = 0, o = 0; x < m; x++) {
                // The owners rise with x: a running maximum spreads each mark to its cells.
                o = Math.max(o, owner[x]);
                result[row + x] = parabola(x, o, g2);
            }
        }
        return result;
    }

    /**
     * First half of the vertical pass, top to bottom: column[i] becomes the number of
     * object cells from cell i up to the nearest background cell above it in its column
     * (0 for background). Only each row's object span is computed; the rest of the grid
     * is background and is filled with 0, so every cell the second half reads is set.
     */
    private static void distancesFromAbove(PaddedObject object, int[] column) {
        byte[] grid = object.grid();
        int w = object.gridWidth();
        java.util.Arrays.fill(column, 0, w, 0);
        for (int y = 0; y < object.boxHeight(); y++) {
            int row = (y + 1) * w;
            int left = object.rowLeft(y);
            if (left < 0) {
                java.util.Arrays.fill(column, row, row + w, 0);
                continue;
            }
            int from = row + left + 1;
            int to = row + object.rowRight(y) + 1;
            java.util.Arrays.fill(column, row, from, 0);
            for (int i = from; i <= to; i++) {
                // Object cells hold 1, background 0: -grid[i] masks all bits or none, no branch.
                column[i] = (column[i - w] + 1) & -grid[i];
            }
            java.util.Arrays.fill(column, to + 1, row + w, 0);
        }
        int bottom = (object.boxHeight() + 1) * w;
        java.util.Arrays.fill(column, bottom, bottom + w, 0);
    }

    /**
     * Lower envelope of the parabolas (x - u)^2 + g2[u], u = 0 .. m-1, over the reals.
     * Minus x^2 they are the lines -2u x + intercept[u], added in order of falling slope:
     * the convex hull trick, compared by cross-multiplication so no division is needed.
     * Leaves the envelope's parabolas, left to right, in s[0 .. q] and returns q.
     */
    private static int lowerEnvelope(long[] intercept, int m, int[] s) {
        int q = 0;
        s[0] = 0;
        // The top of the stack, s[q], is kept in b and its intercept in cb.
        int b = 0;
        long cb = intercept[0];
        for (int u = 1; u < m; u++) {
            long cu = intercept[u];
            while (q >= 1) {
                int a = s[q - 1];
                long ca = intercept[a];
                // b never lies strictly below both a and u: drop it.
                if ((cu - ca) * (b - a) <= (cb - ca) * (u - a)) {
                    q--;
                    b = a;
                    cb = ca;
                } else {
                    break;
                }
            }
            s[++q] = u;
            b = u;
            cb = cu;
        }
        return q;
    }

    /**
     * Sets owner[x] to 0 for x = 0 .. m-1, then to s[k] at the first integer x where
     * envelope parabola s[k] is minimal: just past its crossing with s[k-1], at
     * (intercept[b] - intercept[a]) / (2 (b - a)). That crossing is positive (parabola 0,
     * a background cell, is the only one that is 0 at x = 0) and below m - 1 (likewise
     * parabola m - 1), so the mark lands inside the row. A parabola whose stretch holds no
     * integer shares its first x with the next one, which is written later and wins. The
     * quotient of two integers below 2^52 is floored exactly through a double.
     */
    private static void markOwners(long[] intercept, int[] s, int q, int m, int[] owner) {
        java.util.Arrays.fill(owner, 0, m, 0);
        for (int k = 1; k <= q; k++) {
            int a = s[k - 1];
            int b = s[k];
            double crossing = (double) (intercept[b] - intercept[a]) / (2 * (b - a));
            owner[(int) crossing + 1] = b;
        }
    }

    private static int parabola(int x, int i, int[] g2) {
        int d = x - i;
        return d * d + g2[i];
    }
}
