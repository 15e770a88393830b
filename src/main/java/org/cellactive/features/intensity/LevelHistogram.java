package org.cellactive.features.intensity;

import org.cellactive.imaging.ByteLevels;
import org.cellactive.imaging.GrayCodes;

/**
 * The distinct values of an object's pixels, ascending, with how often each occurs: the
 * sorted array in run-length form, so the order statistics cost O(n + levels) and no sort.
 *
 * <p>Planes from 8-bit images hold a few hundred distinct floats in 0..1. They are counted
 * in 766 buckets, one per gray level (R + G + B)/765: a gray value lies within float rounding
 * of its level, so v·765 rounds to it. A bucket keeps up to four distinct floats, because a
 * gray mean can round to neighbouring floats for one sum. (766 buckets, not more, keep the
 * counts in the fastest cache.) Values
 * outside 0..1, NaN, or a fifth float in one bucket make {@link #build} refuse, and the
 * caller sorts instead. Every statistic reproduces, bit for bit, the same formula applied
 * to the sorted array: runs are expanded in order where the arithmetic is order-sensitive.
 *
 * <p>The red, green and blue planes of an 8-bit image hold only the 256 floats k/255: they
 * are counted straight into 256 bins, with no bucket search, after checking each value is
 * exactly one of those floats (anything else falls back to the buckets).
 *
 * <p>Mutable scratch space, one per thread; {@link #build} resets it.
 */
final class LevelHistogram {
    private static final int BUCKETS = 766;
    private static final int PER_BUCKET = 4;
    /** Counts per 8-bit level; all 0 between calls. */
    private final int[] byteCounts = new int[256];
    /** Counts per gray code; all 0 between calls. */
    private final int[] codeCounts = new int[GrayCodes.count()];

    private final byte[] variants = new byte[BUCKETS];
    private final float[] bucketValue = new float[BUCKETS * PER_BUCKET];
    private final int[] bucketCount = new int[BUCKETS * PER_BUCKET];
    private final float[] value = new float[BUCKETS * PER_BUCKET];
    private final int[] count = new int[BUCKETS * PER_BUCKET];
    private int levels;
    private int n;

    /**
     * Counts {@code plane[pixels[0..n)]}; false (and nothing usable) when the values do not
     * fit the buckets, see the class comment.
     */
    boolean build(float[] plane, int[] pixels, int n) {
        this.n = n;
        levels = 0;
        if (n > 0 && buildFromByteLevels(plane, pixels, n)) {
            return true;
        }
        int low = BUCKETS;
        int high = -1;
        boolean fits = n > 0;
        for (int j = 0; j < n && fits; j++) {
            float v = plane[pixels[j]];
            if (!(v >= 0f && v <= 1f)) {
                fits = false;
                break;
            }
            int b = (int) (v * (BUCKETS - 1) + 0.5f);
            if (b < low) low = b;
            if (b > high) high = b;
            int base = b * PER_BUCKET;
            int k = variants[b];
            int bits = Float.floatToRawIntBits(v);
            int found = -1;
            for (int t = 0; t < k; t++) {
                if (Float.floatToRawIntBits(bucketValue[base + t]) == bits) {
                    found = t;
                    break;
                }
            }
            if (found >= 0) {
                bucketCount[base + found]++;
            } else if (k == PER_BUCKET) {
                fits = false;
            } else {
                bucketValue[base + k] = v;
                bucketCount[base + k] = 1;
                variants[b] = (byte) (k + 1);
            }
        }
        for (int b = Math.max(low, 0); b <= high; b++) {
            int k = variants[b];
            if (k == 0) continue;
            variants[b] = 0;
            if (!fits) continue;
            int base = b * PER_BUCKET;
            int start = levels;
            for (int t = 0; t < k; t++) {
                // Insertion by Float.compare: the order of Arrays.sort(float[]).
                float v = bucketValue[base + t];
                int c = bucketCount[base + t];
                int p = levels++;
                while (p > start && Float.compare(value[p - 1], v) > 0) {
                    value[p] = value[p - 1];
                    count[p] = count[p - 1];
                    p--;
                }
                value[p] = v;
                count[p] = c;
            }
        }
        return fits;
    }

    /**
     * Counts {@code plane[pixels[0..n)]} from the bytes the plane was made from
     * ({@code plane[i] == (levels[i] & 0xff) / 255f}, see {@link ByteLevels}): the same
     * histogram as {@link #build}, with no float to inspect. Each value is also written, in
     * order, to {@code values[0..n)}: callers that need the object's values get them in the
     * same pass.
     */
    void countBytes(byte[] levels, int[] pixels, int n, float[] values) {
        int[] counts = byteCounts;
        for (int j = 0; j < n; j++) {
            int level = levels[pixels[j]] & 0xff;
            values[j] = ByteLevels.value(level);
            counts[level]++;
        }
        this.n = n;
        this.levels = 0;
        takeByteCounts(true);
    }

    /**
     * Counts a gray plane's {@code plane[pixels[0..n)]} from its {@link GrayCodes}: codes are
     * numbered in value order, so the counts come out sorted. Each value is also written, in
     * order, to {@code values[0..n)}, as {@link #countBytes} does.
     */
    void countGrayCodes(short[] codes, int[] pixels, int n, float[] values) {
        int[] counts = codeCounts;
        for (int j = 0; j < n; j++) {
            int code = codes[pixels[j]];
            values[j] = GrayCodes.value(code);
            counts[code]++;
        }
        this.n = n;
        this.levels = 0;
        for (int code = 0; code < counts.length; code++) {
            int c = counts[code];
            if (c == 0) continue;
            counts[code] = 0;
            value[this.levels] = GrayCodes.value(code);
            count[this.levels++] = c;
        }
    }

    /** Counts values that are all exactly k/255 into 256 bins; false, with nothing kept, at the first that is not. */
    private boolean buildFromByteLevels(float[] plane, int[] pixels, int n) {
        int[] counts = byteCounts;
        int j = 0;
        for (; j < n; j++) {
            float v = plane[pixels[j]];
            int k = (int) (v * 255f + 0.5f);
            if (k < 0 || k > 255 || Float.floatToRawIntBits(ByteLevels.value(k)) != Float.floatToRawIntBits(v)) {
                break;
            }
            counts[k]++;
        }
        boolean all = j == n;
        takeByteCounts(all);
        return all;
    }

    /** Empties the 256 byte bins, in level order; when {@code keep}, as this histogram's levels. */
    private void takeByteCounts(boolean keep) {
        int[] counts = byteCounts;
        for (int k = 0; k < 256; k++) {
            int c = counts[k];
            if (c == 0) continue;
            counts[k] = 0;
            if (keep) {
                value[levels] = ByteLevels.value(k);
                count[levels++] = c;
            }
        }
    }

    float min() {
        return value[0];
    }

    float max() {
        return value[levels - 1];
    }

    /** The n-divided standard deviation, summed in ascending order as over the sorted array. */
    double populationStd(double mean) {
        double squares = 0;
        for (int l = 0; l < levels; l++) {
            double d = value[l] - mean;
            double dd = d * d;
            for (int c = count[l]; c > 0; c--) {
                squares += dd;
            }
        }
        return Math.sqrt(squares / n);
    }

    /**
     * {@link #populationStd} of four histograms of the same pixels, into {@code stds[0..4)}.
     * Each histogram's additions happen in the same order as there, so the results are the
     * same to the bit; the four chains of additions are interleaved, which lets the processor
     * overlap them instead of waiting on one addition at a time.
     */
    static void populationStds(LevelHistogram[] h, double[] means, double[] stds) {
        LevelHistogram h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3];
        int n = h0.n;
        if (h1.n != n || h2.n != n || h3.n != n) {
            throw new IllegalArgumentException("histograms of different pixel counts");
        }
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        int r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        int done = 0;
        while (done < n) {
            // Move each histogram whose current run is spent to its next level.
            if (r0 == 0) { double d = h0.value[l0] - means[0]; d0 = d * d; r0 = h0.count[l0++]; }
            if (r1 == 0) { double d = h1.value[l1] - means[1]; d1 = d * d; r1 = h1.count[l1++]; }
            if (r2 == 0) { double d = h2.value[l2] - means[2]; d2 = d * d; r2 = h2.count[l2++]; }
            if (r3 == 0) { double d = h3.value[l3] - means[3]; d3 = d * d; r3 = h3.count[l3++]; }
            int run = Math.min(Math.min(r0, r1), Math.min(r2, r3));
            for (int t = 0; t < run; t++) {
                s0 += d0;
                s1 += d1;
                s2 += d2;
                s3 += d3;
            }
            r0 -= run;
            r1 -= run;
            r2 -= run;
            r3 -= run;
            done += run;
        }
        stds[0] = Math.sqrt(s0 / n);
        stds[1] = Math.sqrt(s1 / n);
        stds[2] = Math.sqrt(s2 / n);
        stds[3] = Math.sqrt(s3 / n);
    }

    /** {@link CellProfilerQuantile#of(float[], int, double)} of the expanded values. */
    double quantile(double fraction) {
        double q = n * fraction;
        int i = (int) Math.floor(q);
        double frac = q - i;
        if (i < n - 1) {
            return valueAtRank(i) * (1 - frac) + valueAtRank(i + 1) * frac;
        }
        return valueAtRank(Math.min(i, n - 1));
    }

    private float valueAtRank(int rank) {
        int seen = 0;
        for (int l = 0; l < levels; l++) {
            seen += count[l];
            if (seen > rank) return value[l];
        }
        throw new IllegalStateException("rank " + rank + " of " + n);
    }

    /**
     * {@link CellProfilerQuantile#medianAbsoluteDeviation}: the deviations are walked
     * outward from the median, whole runs at a time, in the same order as its merge.
     */
    double medianAbsoluteDeviation(double median) {
        int split = 0; // first level >= median
        while (split < levels && value[split] < median) split++;
        int lo = split - 1;
        int hi = split;
        double q = n * 0.5;
        int i = (int) Math.floor(q);
        double frac = q - i;
        int lastRank = i < n - 1 ? i + 1 : i;
        double atI = 0;
        double atNext = 0;
        int seen = 0;
        while (seen <= lastRank) {
            double below = lo >= 0 ? median - value[lo] : Double.POSITIVE_INFINITY;
            double above = hi < levels ? value[hi] - median : Double.POSITIVE_INFINITY;
            double dev;
            int c;
            if (below <= above) {
                dev = below;
                c = count[lo--];
            } else {
                dev = above;
                c = count[hi++];
            }
            int end = seen + c; // ranks seen .. end-1 hold dev
            if (i >= seen && i < end) atI = dev;
            if (i + 1 >= seen && i + 1 < end) atNext = dev;
            seen = end;
        }
        if (i < n - 1) {
            return atI * (1 - frac) + atNext * frac;
        }
        return atI; // i = n - 1 here, as n * 0.5 < n for n >= 1
    }
}
