package org.cellactive.segmentation;

/**
 * The maximum over a square window of side {@code 2r+1} around every pixel (a grey dilation), in
 * a constant number of comparisons per pixel whatever r is (van Herk / Gil-Werman: block-wise
 * running maxima from the left and from the right). Pixels beyond the border do not count.
 */
final class MaxFilter {
    private MaxFilter() {
    }

    static float[] square(float[] plane, int w, int h, int r) {
        float[] rows = new float[plane.length];
        int n = Math.max(w, h);
        float[] line = new float[n];
        float[] out = new float[n];
        float[] left = new float[n];
        float[] right = new float[n];
        for (int y = 0; y < h; y++) {
            System.arraycopy(plane, y * w, line, 0, w);
            line(line, w, r, out, left, right);
            System.arraycopy(out, 0, rows, y * w, w);
        }
        float[] result = new float[plane.length];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = rows[y * w + x];
            }
            line(line, h, r, out, left, right);
            for (int y = 0; y < h; y++) {
                result[y * w + x] = out[y];
            }
        }
        return result;
    }

    /** out[i] = max of line[i-r .. i+r] within [0, n). */
    private static void line(float[] line, int n, int r, float[] out, float[] left, float[] right) {
        int block = 2 * r + 1;
        for (int start = 0; start < n; start += block) {
            int end = Math.min(n, start + block) - 1;
            left[start] = line[start];
            for (int i = start + 1; i <= end; i++) {
                left[i] = Math.max(left[i - 1], line[i]);
            }
            right[end] = line[end];
            for (int i = end - 1; i >= start; i--) {
                right[i] = Math.max(right[i + 1], line[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - r);
            int hi = Math.min(n - 1, i + r);
            // [lo, hi] spans at most two blocks: the right maxima of lo's block, the left maxima up to hi.
            out[i] = Math.max(right[lo], left[hi]);
            if (lo / block == hi / block) {
                // one block: right[lo] covers lo..block end, which may pass hi; recompute exactly
                float m = line[lo];
                for (int j = lo + 1; j <= hi; j++) {
                    m = Math.max(m, line[j]);
                }
                out[i] = m;
            }
        }
    }
}
