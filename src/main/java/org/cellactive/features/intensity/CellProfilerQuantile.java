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
     *
     * <p>For many values that are all non-negative (saturations, say), the middle ranks are first
     * narrowed by a counting pass over the top bits of the values (the bits of a non-negative
     * float order as the float does); the selection then runs only over the values in the
     * narrowed range, which costs far fewer mispredicted branches than partitioning them all.
     */
    public static double medianOfUnsorted(float[] values, int n) {
        double q = n * 0.5;
        int i = (int) Math.floor(q);
        double frac = q - i;
        boolean two = i < n - 1;
        int rank = Math.min(i, n - 1);
        float[] middle = n >= NARROW_FROM ? middleByTopBits(values, n, rank, two) : null;
        float low;
        float next;
        if (middle != null) {
            low = middle[0];
            next = middle[1];
        } else {
            select(values, n, rank);
            low = values[rank];
            next = two ? minimumAfter(values, rank + 1, n) : low;
        }
        return two ? low * (1 - frac) + next * frac : low;
    }

    /** Below this many values a plain selection is as fast as narrowing first. */
    private static final int NARROW_FROM = 256;
    /** Values are grouped by their top bits: sign, exponent and 3 mantissa bits. */
    private static final int GROUP_SHIFT = 20;

    /**
     * The values at {@code rank} and (if {@code two}) {@code rank + 1} of the sorted
     * {@code values[0..n)}, or null when some value is negative (or -0), for the plain path.
     */
    private static float[] middleByTopBits(float[] values, int n, int rank, boolean two) {
        int[] counts = new int[1 << (32 - GROUP_SHIFT - 1)];
        int signs = 0;
        for (int j = 0; j < n; j++) {
            int bits = Float.floatToRawIntBits(values[j]);
            signs |= bits;
            counts[(bits & 0x7fffffff) >>> GROUP_SHIFT]++;
        }
        if (signs < 0) {
            return null;
        }
        // The group holding rank, and the one holding rank + 1 (the same, or a later one).
        int group = 0;
        int before = 0;
        while (before + counts[group] <= rank) {
            before += counts[group++];
        }
        int last = group;
        if (two && rank + 1 == before + counts[group]) {
            last++;
            while (counts[last] == 0) last++;
        }
        int m = 0;
        for (int g = group; g <= last; g++) {
            m += counts[g];
        }
        float[] range = new float[m + 1]; // one spare: the gather writes before it knows whether to keep
        int k = 0;
        for (int j = 0; j < n; j++) {
            float v = values[j];
            int g = Float.floatToRawIntBits(v) >>> GROUP_SHIFT;
            range[k] = v;
            k += g >= group && g <= last ? 1 : 0;
        }
        int local = rank - before;
        select(range, m, local);
        float low = range[local];
        return new float[] {low, two ? minimumAfter(range, local + 1, m) : low};
    }

    /** The smallest of {@code a[from..n)}: after a selection of rank from - 1, the value at rank from. */
    private static float minimumAfter(float[] a, int from, int n) {
        float next = a[from];
        for (int j = from + 1; j < n; j++) {
            if (a[j] < next) next = a[j];
        }
        return next;
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
