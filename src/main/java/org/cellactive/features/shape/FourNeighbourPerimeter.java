package org.cellactive.features.shape;

import static org.cellactive.features.shape.PaddedObject.EIGHT_CELLS;

import org.cellactive.imaging.ScratchArrays;

/**
 * scikit-image's {@code measure.perimeter(image, neighborhood=4)}, the estimator
 * {@code regionprops} (and so CellProfiler) reports as the perimeter.
 *
 * <p>The algorithm, step for step: the border is the object minus its erosion by
 * a 3x3 cross (outside the object counts as background). Each border pixel gets a
 * code: 1 for itself, plus 2 for each border pixel among its four edge neighbours,
 * plus 10 for each border pixel among its four diagonal neighbours (a convolution
 * with [[10,2,10],[2,1,2],[10,2,10]]). The perimeter is the sum of a weight per code:
 * codes 5, 7, 15, 17, 25, 27 weigh 1; codes 21, 33 weigh sqrt(2); codes 13, 23
 * weigh (1 + sqrt(2)) / 2; all other codes weigh 0. Non-border pixels have even
 * codes, whose weights are all 0, so only border pixels are visited here.
 */
final class FourNeighbourPerimeter {
    private static final double[] WEIGHTS = new double[50];

    static {
        for (int code : new int[] {5, 7, 15, 17, 25, 27}) WEIGHTS[code] = 1.0;
        for (int code : new int[] {21, 33}) WEIGHTS[code] = Math.sqrt(2.0);
        for (int code : new int[] {13, 23}) WEIGHTS[code] = (1.0 + Math.sqrt(2.0)) / 2.0;
    }

    /** Per-thread work array: the border marks. */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(0, 0, 0, 1));

    private FourNeighbourPerimeter() {
    }

    /** The perimeter of the object in pixel units. */
    static double of(PaddedObject object) {
        byte[] grid = object.grid();
        int w = object.gridWidth();
        byte[] border = SCRATCH.get().zeroedBytes(0, grid.length);
        int rows = object.boxHeight();
        for (int y = 0; y < rows; y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            int row = (y + 1) * w + 1;
            markBorder(grid, w, row + left, row + object.rowRight(y), border);
        }
        double perimeter = 0.0;
        for (int y = 0; y < rows; y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            int row = (y + 1) * w + 1;
            int end = row + object.rowRight(y);
            for (int i = row + left; i <= end; i += 8) {
                // The border cells among i .. min(i + 7, end), in order: the sum's order,
                // and so its rounding, is the same as one cell at a time.
                long cells = i + 8 <= grid.length ? (long) EIGHT_CELLS.get(border, i) : tail(border, i);
                if (end - i < 7) cells &= -1L >>> (8 * (7 - (end - i)));
                for (; cells != 0; cells &= cells - 1) {
                    int c = i + (Long.numberOfTrailingZeros(cells) >>> 3);
                    int edges = border[c - 1] + border[c + 1] + border[c - w] + border[c + w];
                    int corners = border[c - w - 1] + border[c - w + 1] + border[c + w - 1] + border[c + w + 1];
                    perimeter += WEIGHTS[1 + 2 * edges + 10 * corners];
                }
            }
        }
        return perimeter;
    }

    /**
     * Sets border[i] for the cells from .. to (and possibly a few after them, with the
     * same rule, which is harmless): 1 for an object cell with a background edge
     * neighbour, else 0. Eight cells at a time while the neighbours' longs fit in the grid.
     */
    private static void markBorder(byte[] grid, int w, int from, int to, byte[] border) {
        int i = from;
        for (int limit = grid.length - w - 8; i <= to && i <= limit; i += 8) {
            long centre = (long) EIGHT_CELLS.get(grid, i);
            long inner = (long) EIGHT_CELLS.get(grid, i - 1) & (long) EIGHT_CELLS.get(grid, i + 1)
                    & (long) EIGHT_CELLS.get(grid, i - w) & (long) EIGHT_CELLS.get(grid, i + w);
            EIGHT_CELLS.set(border, i, centre & ~inner);
        }
        for (; i <= to; i++) {
            border[i] = (byte) (grid[i] & ~(grid[i - 1] & grid[i + 1] & grid[i - w] & grid[i + w]));
        }
    }

    /** The bytes from i to the end of the array, as the low bytes of a long. */
    private static long tail(byte[] bytes, int i) {
        long cells = 0;
        for (int k = bytes.length - 1; k >= i; k--) cells = cells << 8 | (bytes[k] & 0xFF);
        return cells;
    }
}
