package org.cellactive.features.granularity;

/**
 * The few grey-scale operations CellProfiler's MeasureGranularity uses, on row-major
 * double images, with scikit-image / scipy.ndimage semantics: erosion and dilation use
 * the "reflect" border (d c b a | a b c d), reconstruction ignores pixels beyond the
 * border, and resampling is {@code map_coordinates(order=1)} (bilinear).
 */
final class GreyMorphology {
    private GreyMorphology() {
    }

    /** Offsets (dy, dx) of scikit-image's {@code disk(radius)}: dy² + dx² ≤ radius². */
    static int[][] disk(int radius) {
        int count = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                if (dy * dy + dx * dx <= radius * radius) count++;
            }
        }
        int[][] offsets = new int[count][];
        int k = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                if (dy * dy + dx * dx <= radius * radius) offsets[k++] = new int[] {dy, dx};
            }
        }
        return offsets;
    }

    /** scipy.ndimage "reflect" index: half-sample symmetric, period 2n. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    static double[] erode(double[] image, int height, int width, int[][] footprint) {
        return filter(image, height, width, footprint, true);
    }

    static double[] dilate(double[] image, int height, int width, int[][] footprint) {
        return filter(image, height, width, footprint, false);
    }

    private static double[] filter(double[] image, int height, int width, int[][] footprint, boolean min) {
        double[] out = new double[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double best = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                for (int[] d : footprint) {
                    int yy = y + d[0];
                    int xx = x + d[1];
                    if (yy < 0 || yy >= height) yy = reflect(yy, height);
                    if (xx < 0 || xx >= width) xx = reflect(xx, width);
                    double v = image[yy * width + xx];
                    best = min ? Math.min(best, v) : Math.max(best, v);
                }
                out[y * width + x] = best;
            }
        }
        return out;
    }

    /**
     * Grey reconstruction by dilation of {@code seed} under {@code mask} (seed ≤ mask),
     * 4-connected (scikit-image's {@code reconstruction(seed, mask, footprint=disk(1))}):
     * alternate forward and backward raster propagation until nothing changes.
     */
    static double[] reconstruct(double[] seed, double[] mask, int height, int width) {
        double[] rec = new double[seed.length];
        for (int i = 0; i < rec.length; i++) {
            rec[i] = Math.min(seed[i], mask[i]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    double v = rec[i];
                    if (y > 0) v = Math.max(v, rec[i - width]);
                    if (x > 0) v = Math.max(v, rec[i - 1]);
                    v = Math.min(v, mask[i]);
                    if (v > rec[i]) {
                        rec[i] = v;
                        changed = true;
                    }
                }
            }
            for (int y = height - 1; y >= 0; y--) {
                for (int x = width - 1; x >= 0; x--) {
                    int i = y * width + x;
                    double v = rec[i];
                    if (y < height - 1) v = Math.max(v, rec[i + width]);
                    if (x < width - 1) v = Math.max(v, rec[i + 1]);
                    v = Math.min(v, mask[i]);
                    if (v > rec[i]) {
                        rec[i] = v;
                        changed = true;
                    }
                }
            }
        }
        return rec;
    }

    /**
     * Bilinear value of {@code image} at fractional (row, col), scipy's
     * {@code map_coordinates(order=1, mode="constant", cval=0)}: points outside
     * [0, n−1] blend with 0.
     */
    static double bilinear(double[] image, int height, int width, double row, double col) {
        int y0 = (int) Math.floor(row);
        int x0 = (int) Math.floor(col);
        double fy = row - y0;
        double fx = col - x0;
        return (1 - fy) * ((1 - fx) * at(image, height, width, y0, x0) + fx * at(image, height, width, y0, x0 + 1))
                + fy * ((1 - fx) * at(image, height, width, y0 + 1, x0) + fx * at(image, height, width, y0 + 1, x0 + 1));
    }

    private static double at(double[] image, int height, int width, int y, int x) {
        if (y < 0 || x < 0 || y >= height || x >= width) return 0;
        return image[y * width + x];
    }
}
