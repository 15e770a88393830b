package org.cellactive.features.shape;

import org.cellactive.imaging.ObjectMask;

/**
 * scikit-image's {@code perimeter(mask, neighborhood=4)} written out literally, for tests:
 * the border is the object minus its erosion by a 3×3 cross, each pixel is coded by a
 * convolution of the border with scikit-image's kernel, and the codes are weighted.
 * Slow and plain on purpose, so it can check the fast {@link FourNeighbourPerimeter}.
 */
final class LiteralPerimeter {
    private static final int[][] KERNEL = {{10, 2, 10}, {2, 1, 2}, {10, 2, 10}};
    private static final double[] WEIGHTS = new double[50];

    static {
        for (int c : new int[] {5, 7, 15, 17, 25, 27}) WEIGHTS[c] = 1;
        for (int c : new int[] {21, 33}) WEIGHTS[c] = Math.sqrt(2);
        for (int c : new int[] {13, 23}) WEIGHTS[c] = (1 + Math.sqrt(2)) / 2;
    }

    private LiteralPerimeter() {
    }

    static double of(ObjectMask mask) {
        int w = mask.width();
        int h = mask.height();
        int[] border = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean kept = mask.contains(x, y) && mask.contains(x - 1, y) && mask.contains(x + 1, y)
                        && mask.contains(x, y - 1) && mask.contains(x, y + 1);
                border[y * w + x] = mask.contains(x, y) && !kept ? 1 : 0;
            }
        }
        double total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int code = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) code += KERNEL[dy + 1][dx + 1] * border[yy * w + xx];
                    }
                }
                total += WEIGHTS[code];
            }
        }
        return total;
    }
}
