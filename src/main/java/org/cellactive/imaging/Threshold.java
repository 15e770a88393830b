package org.cellactive.imaging;

/**
 * Global thresholds of a set of intensities, following scikit-image so that numbers can be
 * compared with CellProfiler (whose Otsu and minimum cross-entropy options call these).
 *
 * <p>Both follow scikit-image 0.19+ step by step (comments name the steps). They compute in
 * double where scikit-image works in the image's float32, so a value that lies within float
 * rounding of a histogram bin edge, or a stopping test that is within rounding of the
 * tolerance, may go the other way; results then differ by at most one bin width (Otsu) or
 * one tolerance (Li). NaN values are not expected (crops are made from 8-bit pixels).
 */
public final class Threshold {
    /** {@code threshold_otsu}'s default number of histogram bins. */
    public static final int OTSU_BINS = 256;

    /** A guard only: Li converges in a handful of steps on real crops. */
    private static final int LI_MAX_ITERATIONS = 1000;

    private Threshold() {
    }

    /**
     * Otsu's threshold as {@code skimage.filters.threshold_otsu(values)}: a 256-bin histogram
     * over {@code [min, max]} (numpy's {@code histogram} with that range: the last bin is closed),
     * the between-class variance {@code w1 * w2 * (m1 - m2)^2} for every split after bin
     * {@code i}, and the centre of the first bin {@code i} that maximises it. Pixels
     * {@code <=} the result form the lower class. A constant input returns its value.
     */
    public static double otsu(float[] values) {
        requireValues(values);
        float min = values[0];
        float max = values[0];
        for (float v : values) {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (min == max) {
            return min;
        }
        OtsuBins bins = new OtsuBins(min, max);
        for (float f : values) {
            bins.counts[bins.binOf(f)]++;
        }
        return bins.threshold(values.length);
    }

    /**
     * {@link #otsu(float[])} of a crop's gray plane, from its {@link GrayCodes} instead of its
     * floats: the plane is counted per code, and each distinct value is put in its bin once,
     * by the same arithmetic, so the result is the same to the bit.
     */
    static double otsuOfGrayCodes(short[] codes) {
        requireValues(codes.length);
        int[] perCode = new int[GrayCodes.count()];
        for (short code : codes) {
            perCode[code]++;
        }
        int first = 0;
        while (perCode[first] == 0) first++;
        int last = perCode.length - 1;
        while (perCode[last] == 0) last--;
        float min = GrayCodes.value(first);
        float max = GrayCodes.value(last);
        if (first == last) {
            return min;
        }
        OtsuBins bins = new OtsuBins(min, max);
        for (int code = first; code <= last; code++) {
            if (perCode[code] != 0) {
                bins.counts[bins.binOf(GrayCodes.value(code))] += perCode[code];
            }
        }
        return bins.threshold(codes.length);
    }

    /** numpy's histogram of [min, max] in {@link #OTSU_BINS} bins, and Otsu's pick over it. */
    private static final class OtsuBins {
        final int bins = OTSU_BINS;
        final double lo;
        final double norm;
        final double[] edges = new double[bins + 1];
        final long[] counts = new long[bins];

        OtsuBins(float min, float max) {
            lo = min;
            double span = (double) max - lo;
            double step = span / bins;
            for (int i = 0; i <= bins; i++) {
                edges[i] = i * step + lo;  // numpy.linspace's arithmetic, last edge exactly max
            }
            edges[bins] = max;
            norm = bins / span;
        }

        int binOf(float f) {
            double v = f;
            int i = (int) ((v - lo) * norm);
            if (i >= bins) i = bins - 1;
            // numpy's correction of the computed index against the real edges
            if (v < edges[i]) {
                i--;
            } else if (i != bins - 1 && v >= edges[i + 1]) {
                i++;
            }
            return i;
        }

        double threshold(long total) {
            double[] centres = new double[bins];
            for (int i = 0; i < bins; i++) {
                centres[i] = (edges[i] + edges[i + 1]) / 2;
            }
            // weight1/mean1: classes of bins 0..i; weight2/mean2: bins i+1..end.
            double totalSum = 0;
            for (int i = 0; i < bins; i++) {
                totalSum += counts[i] * centres[i];
            }
            long weight1 = 0;
            double sum1 = 0;
            double best = -1;
            int bestIndex = 0;
            for (int i = 0; i < bins - 1; i++) {
                weight1 += counts[i];
                sum1 += counts[i] * centres[i];
                long weight2 = total - weight1;
                if (weight1 == 0 || weight2 == 0) {
                    continue;  // cannot happen: bin 0 holds min and the last bin holds max
                }
                double mean1 = sum1 / weight1;
                double mean2 = (totalSum - sum1) / weight2;
                double d = mean1 - mean2;
                double variance = (double) weight1 * weight2 * d * d;
                if (variance > best) {  // strict: numpy.argmax keeps the first maximum
                    best = variance;
                    bestIndex = i;
                }
            }
            return centres[bestIndex];
        }
    }

    /**
     * Li's iterative minimum cross-entropy threshold as {@code skimage.filters.threshold_li(values)}
     * with its defaults: shift the values so the minimum is 0; tolerance = half the smallest gap
     * between distinct values; start from the mean; then repeat
     * {@code t = (mb - mf) / (ln mb - ln mf)}, where mf and mb are the means of the values
     * {@code > t} and {@code <= t}, until t moves by no more than the tolerance or mb is 0; shift
     * back. A constant input returns its value.
     *
     * <p>The distinct values are found and sorted once (the tolerance needs their gaps anyway),
     * so each step is a binary search over cumulative sums instead of a pass over the pixels;
     * the arithmetic is the same. NaN values are left out, as scikit-image does.
     */
    public static double li(float[] values) {
        requireValues(values);
        DistinctValues distinct = DistinctValues.of(values);
        int d = distinct.size();
        if (d == 0) {
            return Double.NaN;
        }
        double min = distinct.value(0);
        if (d == 1) {
            return min;
        }
        // Cumulative pixel counts and sums of shifted values over the distinct values, ascending.
        long[] countBelow = new long[d + 1];
        double[] sumBelow = new double[d + 1];
        double smallestGap = Double.POSITIVE_INFINITY;
        for (int k = 0; k < d; k++) {
            long c = distinct.count(k);
            countBelow[k + 1] = countBelow[k] + c;
            sumBelow[k + 1] = sumBelow[k] + c * ((double) distinct.value(k) - min);
            if (k > 0) {
                smallestGap = Math.min(smallestGap, (double) distinct.value(k) - distinct.value(k - 1));
            }
        }
        long n = countBelow[d];
        double total = sumBelow[d];
        double tolerance = smallestGap / 2;
        double next = total / n;
        double current = -2 * tolerance;
        for (int step = 0; step < LI_MAX_ITERATIONS && Math.abs(next - current) > tolerance; step++) {
            current = next;
            int k = countAtMost(distinct, min + current);  // background: shifted value <= current
            if (k == d || k == 0) {
                break;  // one class is empty: the formula is undefined, keep the last threshold
            }
            double meanBack = sumBelow[k] / countBelow[k];
            double meanFore = (total - sumBelow[k]) / (n - countBelow[k]);
            if (meanBack == 0) {
                break;
            }
            next = (meanBack - meanFore) / (Math.log(meanBack) - Math.log(meanFore));
        }
        return next + min;
    }

    /** How many distinct values are {@code <= limit}. */
    private static int countAtMost(DistinctValues distinct, double limit) {
        int lo = 0;
        int hi = distinct.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (distinct.value(mid) <= limit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void requireValues(float[] values) {
        requireValues(values == null ? 0 : values.length);
    }

    private static void requireValues(int count) {
        if (count == 0) {
            throw new IllegalArgumentException("no values to threshold");
        }
    }
}
