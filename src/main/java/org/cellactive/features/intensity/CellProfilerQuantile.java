package org.cellactive.features.intensity;

/**
 * CellProfiler's quantile rule (MeasureObjectIntensity): for sorted values
 * {@code v[0..n)} and a fraction f, let q = n·f; the quantile is
 * v[⌊q⌋]·(1−frac(q)) + v[⌊q⌋+1]·frac(q), or v[⌊q⌋] when ⌊q⌋ is the last index.
 * Note that this is not numpy's percentile: the median of {1, 2, 3, 4} is 3, not 2.5.
 */
public final class CellProfilerQuantile {
    private CellProfilerQuantile() {
    }

    /** The quantile of the ascending {@code sorted[0..n)}; n must be positive. */
    public static double of(float[] sorted, int n, double fraction) {
        double q = n * fraction;
        int i = (int) Math.floor(q);
        double frac = q - i;
        if (i < n - 1) {
            return sorted[i] * (1 - frac) + sorted[i + 1] * frac;
        }
        return sorted[Math.min(i, n - 1)];
    }

    /** The same rule on ascending doubles. */
    public static double of(double[] sorted, int n, double fraction) {
        double q = n * fraction;
        int i = (int) Math.floor(q);
        double frac = q - i;
        if (i < n - 1) {
            return sorted[i] * (1 - frac) + sorted[i + 1] * frac;
        }
        return sorted[Math.min(i, n - 1)];
    }

    /**
     * CellProfiler's MADIntensity: the median (same rule) of |v − median|, for
     * ascending {@code sorted[0..n)}. The deviations are merged from the two sorted
     * halves on either side of the median, so no second sort is needed.
     */
    public static double medianAbsoluteDeviation(float[] sorted, int n, double median) {
        double[] dev = new double[n];
        int split = 0;
        while (split < n && sorted[split] < median) {
            split++;
        }
        int lo = split - 1;
        int hi = split;
        for (int k = 0; k < n; k++) {
            double below = lo >= 0 ? median - sorted[lo] : Double.POSITIVE_INFINITY;
            double above = hi < n ? sorted[hi] - median : Double.POSITIVE_INFINITY;
            if (below <= above) {
                dev[k] = below;
                lo--;
            } else {
                dev[k] = above;
                hi++;
            }
        }
        return of(dev, n, 0.5);
    }
}
