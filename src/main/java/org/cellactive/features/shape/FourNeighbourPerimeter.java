package org.cellactive.features.shape;

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
            for (int i = row + left, end = row + object.rowRight(y); i <= end; i++) {
                if (grid[i] != 0 && (grid[i - 1] & grid[i + 1] & grid[i - w] & grid[i + w]) == 0) {
                    border[i] = 1;
                }
            }
        }
        double perimeter = 0.0;
        for (int y = 0; y < rows; y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            int row = (y + 1) * w + 1;
            for (int i = row + left, end = row + object.rowRight(y); i <= end; i++) {
                if (border[i] != 0) {
                    int edges = border[i - 1] + border[i + 1] + border[i - w] + border[i + w];
                    int corners = border[i - w - 1] + border[i - w + 1] + border[i + w - 1] + border[i + w + 1];
                    perimeter += WEIGHTS[1 + 2 * edges + 10 * corners];
                }
            }
        }
        return perimeter;
    }
}
