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

    /**
     * The median by the same rule of the unsorted {@code values[0..n)}, which are
     * reordered: a selection finds the two middle ranks in linear expected time, for
     * exactly the value {@link #of(float[], int, double)} gives on the sorted array.
     * Values must not be NaN.
     */
    public static double medianOfUnsorted(float[] values, int n) {
        double q = n * 0.5;
        int i = (int) Math.floor(q);
        double frac = q - i;
        if (i < n - 1) {
            select(values, n, i);
            // Everything after rank i is no smaller: rank i + 1 is their minimum.
            float next = values[i + 1];
            for (int j = i + 2; j < n; j++) {
                if (values[j] < next) next = values[j];
            }
            return values[i] * (1 - frac) + next * frac;
        }
        int rank = Math.min(i, n - 1);
        select(values, n, rank);
        return values[rank];
    }

    /** Hoare's selection: afterwards values[k] is the k-th smallest, with no larger value after it. */
    private static void select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            float x = a[lo];
            float y = a[mid];
            float z = a[hi];
            float pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    float t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
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
