package org.cellactive.features.texture;

import org.cellactive.imaging.ScratchArrays;

/**
 * Haralick's 13 features of one co-occurrence matrix, exactly as mahotas'
 * {@code haralick_features} computes them (the formulas CellProfiler's MeasureTexture
 * reports), with p = counts / total:
 * <ol>
 * <li>AngularSecondMoment Σp²; Contrast Σ(i−j)²p;</li>
 * <li>Correlation (Σ ij·p − μxμy)/(σxσy), or 1 when σx or σy is 0;</li>
 * <li>Variance σx² of the marginal; InverseDifferenceMoment Σ p/(1+(i−j)²);</li>
 * <li>SumAverage, SumVariance (Σk²p₊ − SumAverage², mahotas' correction of Haralick's
 *     typo) and SumEntropy of p₊(k) = Σ_{i+j=k} p;</li>
 * <li>Entropy −Σ p log₂p;</li>
 * <li>DifferenceVariance: numpy's {@code var()} of the array p₋ of length N = max level + 1
 *     (the variance of the probability values, not of |i−j|: mahotas' default), and
 *     DifferenceEntropy of p₋(k) = Σ_{|i−j|=k} p;</li>
 * <li>InfoMeas1 (H − HXY1)/max(HX, HY), or H − HXY1 when that max is 0; InfoMeas2
 *     √max(0, 1 − exp(−2(HXY2 − H))).</li>
 * </ol>
 * Entropies use log₂ and count 0·log 0 as 0. HXY1 and HXY2 are evaluated through the
 * marginals (HXY1 = −Σ_a rowsum_a log₂px_a − Σ_b colsum_b log₂py_b, HXY2 = HX + HY), which
 * equals mahotas' double sums up to rounding (~1e−15).
 */
final class HaralickCalculator {
    private static final int TABLE_SIZE = 1 << 16;
    /** c·log₂c for integer counts: entropies of count distributions need no log per cell. */
    private static final double[] C_LOG2_C = new double[TABLE_SIZE];
    private static final double LN2 = Math.log(2);

    static {
        for (int c = 1; c < TABLE_SIZE; c++) {
            C_LOG2_C[c] = c * Math.log(c) / LN2;
        }
    }

    /** Per-thread work arrays: the marginal, the sum and the difference distributions. */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(0, 3, 0, 0));

    private HaralickCalculator() {
    }

    private static double cLog2c(long c) {
        return c < TABLE_SIZE ? C_LOG2_C[(int) c] : c * Math.log(c) / LN2;
    }

    /** Entropy (log₂) of a distribution given as integer counts summing to {@code total}. */
    private static double entropy(long[] counts, int length, long total) {
        double s = 0;
        int nonZero = 0;
        for (int i = 0; i < length; i++) {
            if (counts[i] != 0) {
                s += cLog2c(counts[i]);
                nonZero++;
            }
        }
        // A single outcome has entropy exactly 0; the subtraction below would leave ~1e-16,
        // and InfoMeas1 divides by max(HX, HY).
        return nonZero <= 1 ? 0 : log2(total) - s / total;
    }

    private static double log2(double v) {
        return Math.log(v) / LN2;
    }

    /**
     * Writes the 13 features into {@code out[offset..offset+13)}.
     *
     * @param side the matrix side mahotas uses, max grey level of the object + 1
     */
    static void compute(CooccurrenceMatrix m, int side, double[] out, int offset) {
        long total = m.total();
        double t = total;
        ScratchArrays scratch = SCRATCH.get();
        // The marginal is indexed by grey level; levels absent from the object add 0 to the
        // sums below, and are skipped by the entropies.
        long[] marginal = scratch.zeroedLongs(0, side);
        long[] sums = scratch.zeroedLongs(1, 2 * side);
        long[] diffs = scratch.zeroedLongs(2, side);
        double asm = 0;
        double contrast = 0;
        double ij = 0;
        double idm = 0;
        double cellEntropy = 0;
        for (int n = 0, entries = m.entries(); n < entries; n++) {
            int levels = m.levelPair(n);
            long c = m.count(n);
            int i = levels >>> 8;
            int j = levels & 0xFF;
            int d = Math.abs(i - j);
            // A cell's terms are the same as its mirror's: computed once, added once per cell,
            // in the cells' order, so every sum is rounded as a cell-by-cell sum is.
            double cc = (double) c * c;
            double dd = (double) d * d * c;
            double ijc = (double) i * j * c;
            double id = c / (1.0 + (double) d * d);
            double ce = cLog2c(c);
            asm += cc;
            contrast += dd;
            ij += ijc;
            idm += id;
            cellEntropy += ce;
            marginal[i] += c;
            if (i != j) {
                asm += cc;
                contrast += dd;
                ij += ijc;
                idm += id;
                cellEntropy += ce;
                marginal[j] += c;
                c *= 2;
            }
            sums[i + j] += c;
            diffs[d] += c;
        }
        double ux = 0;
        double ux2 = 0;
        for (int level = 1; level < side; level++) {
            ux += (double) level * marginal[level];
            ux2 += (double) level * level * marginal[level];
        }
        ux /= t;
        double vx = ux2 / t - ux * ux;
        double sx = Math.sqrt(vx);
        // As mahotas: 1 when σ is 0; a NaN σ (negative rounding) stays NaN and is written as 0.
        double correlation = sx == 0 ? 1 : (ij / t - ux * ux) / sx / sx;

        double sumAverage = 0;
        double sumSquares = 0;
        for (int k = 0; k < 2 * side; k++) {
            sumAverage += (double) k * sums[k];
            sumSquares += (double) k * k * sums[k];
        }
        sumAverage /= t;
        double sumVariance = sumSquares / t - sumAverage * sumAverage;
        double sumEntropy = entropy(sums, 2 * side, total);
        double entropy = m.cellCount() <= 1 ? 0 : log2(total) - cellEntropy / t;

        double diffMean = 1.0 / side;
        double diffVariance = 0;
        for (int k = 0; k < side; k++) {
            double dev = diffs[k] / t - diffMean;
            diffVariance += dev * dev;
        }
        diffVariance /= side;
        double diffEntropy = entropy(diffs, side, total);

        double hx = entropy(marginal, side, total);
        double hy = hx;
        double hxy1 = 0;
        for (int level = 1; level < side; level++) {
            if (marginal[level] > 0) {
                double pa = marginal[level] / t;
                hxy1 -= 2 * pa * log2(pa);
            }
        }
        double hxy2 = hx + hy;
        double maxH = Math.max(hx, hy);
        double info1 = maxH == 0 ? entropy - hxy1 : (entropy - hxy1) / maxH;
        double info2 = Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (hxy2 - entropy))));

        double[] f = {
            asm / (t * t), contrast / t, correlation, vx, idm / t, sumAverage, sumVariance,
            sumEntropy, entropy, diffVariance, diffEntropy, info1, info2,
        };
        for (int k = 0; k < f.length; k++) {
            out[offset + k] = Double.isFinite(f[k]) ? f[k] : 0;
        }
    }
}
