package org.cellactive.segmentation;

/**
 * Gaussian smoothing of a float plane, separable, with the edge pixels repeated beyond the border
 * (scipy's "nearest" mode). The kernel reaches 3 sigma, as CellProfiler's smoothing does by way of
 * scikit-image.
 */
final class Smoothing {
    private Smoothing() {
    }

    /** A new plane: {@code plane} smoothed with a Gaussian of {@code sigma} pixels (0: a copy). */
    static float[] gaussian(float[] plane, int w, int h, double sigma) {
        if (sigma <= 0) {
            return plane.clone();
        }
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double v = Math.exp(-(i * (double) i) / (2 * sigma * sigma));
            k[i + r] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[] rows = new float[plane.length];
        float[] line = new float[Math.max(w, h) + 2 * r];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int i = 0; i < w + 2 * r; i++) {
                line[i] = plane[o + clamp(i - r, w)];
            }
            convolve(line, k, rows, o, 1, w);
        }
        float[] out = new float[plane.length];
        for (int x = 0; x < w; x++) {
            for (int i = 0; i < h + 2 * r; i++) {
                line[i] = rows[clamp(i - r, h) * w + x];
            }
            convolve(line, k, out, x, w, h);
        }
        return out;
    }

    private static void convolve(float[] line, float[] k, float[] out, int start, int step, int n) {
        for (int i = 0, o = start; i < n; i++, o += step) {
            float s = 0;
            for (int j = 0; j < k.length; j++) {
                s += line[i + j] * k[j];
            }
            out[o] = s;
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
