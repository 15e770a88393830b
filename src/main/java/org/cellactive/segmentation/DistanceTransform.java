package org.cellactive.segmentation;

/**
 * The exact Euclidean distance from every foreground pixel to the nearest background pixel
 * (Felzenszwalb and Huttenlocher's two-pass lower envelope of parabolas). Background pixels get 0;
 * pixels outside the image count as background, so an object cut by the border is measured as cut.
 */
final class DistanceTransform {
    private static final double INF = 1e20;

    private DistanceTransform() {
    }

    /** Distances (not squared) for {@code mask[i] != 0} pixels. */
    static float[] of(byte[] mask, int w, int h) {
        float[] d = new float[mask.length];
        int n = Math.max(w, h) + 2;
        double[] f = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        // Columns first, with a background pixel just outside each end.
        for (int x = 0; x < w; x++) {
            f[0] = 0;
            for (int y = 0; y < h; y++) {
                f[y + 1] = mask[y * w + x] != 0 ? INF : 0;
            }
            f[h + 1] = 0;
            envelope(f, h + 2, out, v, z);
            for (int y = 0; y < h; y++) {
                d[y * w + x] = (float) out[y + 1];
            }
        }
        for (int y = 0; y < h; y++) {
            int o = y * w;
            f[0] = 0;
            for (int x = 0; x < w; x++) {
                f[x + 1] = d[o + x];
            }
            f[w + 1] = 0;
            envelope(f, w + 2, out, v, z);
            for (int x = 0; x < w; x++) {
                d[o + x] = (float) Math.sqrt(out[x + 1]);
            }
        }
        return d;
    }

    /** One dimension: out[q] = min over p of (q - p)^2 + f[p]. */
    private static void envelope(double[] f, int n, double[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = -INF;
        z[1] = INF;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = INF;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            out[q] = dq * dq + f[v[k]];
        }
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
