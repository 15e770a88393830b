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
        // Only the deviations at ranks ⌊n/2⌋ and ⌊n/2⌋+1 are needed: merge up to there.
        int needed = Math.min(n, (int) Math.floor(n * 0.5) + 2);
        double[] dev = new double[needed];
        int split = 0; // first index with sorted[split] >= median
        int upper = n;
        while (split < upper) {
            int mid = (split + upper) >>> 1;
            if (sorted[mid] < median) {
                split = mid + 1;
            } else {
                upper = mid;
            }
        }
        int lo = split - 1;
        int hi = split;
        for (int k = 0; k < needed; k++) {
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
        double q = n * 0.5;
        int i = (int) Math.floor(q);
        double frac = q - i;
        if (i < n - 1) {
            return dev[i] * (1 - frac) + dev[i + 1] * frac;
        }
        return dev[Math.min(i, n - 1)];
    }
}
