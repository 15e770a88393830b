package org.cellactive.experiment.report;

import java.util.Arrays;

/**
 * The exact two-sided Wilcoxon signed-rank test of "the paired differences are symmetric about 0".
 *
 * <p>Zero differences are dropped (Wilcoxon's own rule, the default of R's {@code wilcox.test} and
 * SciPy's {@code wilcoxon}); tied absolute differences share their mid-rank. The null distribution
 * is the exact one <em>conditional on those mid-ranks</em>: every one of the 2^n sign patterns is
 * equally likely. Labels-to-target are whole numbers with many ties (and "not reached" is one fixed
 * value), so the usual normal approximation, or the no-ties table, would be wrong here.
 *
 * <p>Mid-ranks are whole or half numbers, so doubled they are integers and the distribution of
 * the positive rank sum is counted exactly by a subset-sum recursion in O(n&sup3;) time, whatever n.
 */
public final class WilcoxonSignedRank {

    private WilcoxonSignedRank() {
    }

    /**
     * The exact two-sided p-value: twice the smaller tail probability of the observed positive
     * rank sum, at most 1. With no nonzero difference it is 1 (nothing speaks against 0).
     *
     * @param differences finite paired differences
     */
    public static double twoSidedP(double[] differences) {
        for (double d : differences) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("signed-rank test of a difference that is not finite: " + d);
            }
        }
        double[] abs = Arrays.stream(differences).filter(d -> d != 0).map(Math::abs).sorted().toArray();
        int n = abs.length;
        if (n == 0) {
            return 1.0;
        }
        int[] doubledRanks = new int[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && abs[j + 1] == abs[i]) {
                j++;
            }
            // positions i..j hold ranks i+1..j+1; their mid-rank doubled is (i+1)+(j+1)
            for (int k = i; k <= j; k++) {
                doubledRanks[k] = i + j + 2;
            }
            i = j + 1;
        }
        int observed = 0;
        for (double d : differences) {
            if (d > 0) {
                observed += doubledRank(abs, doubledRanks, Math.abs(d));
            }
        }
        double[] probability = nullDistribution(doubledRanks);
        double lower = 0;
        double upper = 0;
        for (int k = 0; k < probability.length; k++) {
            if (k <= observed) {
                lower += probability[k];
            }
            if (k >= observed) {
                upper += probability[k];
            }
        }
        return Math.min(1.0, 2 * Math.min(lower, upper));
    }

    /** P(positive doubled-rank sum = k) when each rank's sign is + or - with probability 1/2. */
    static double[] nullDistribution(int[] doubledRanks) {
        int total = Arrays.stream(doubledRanks).sum();
        double[] p = new double[total + 1];
        p[0] = 1.0;
        int reach = 0;
        for (int r : doubledRanks) {
            reach += r;
            for (int k = reach; k >= 0; k--) {
                p[k] = 0.5 * p[k] + (k >= r ? 0.5 * p[k - r] : 0);
            }
        }
        return p;
    }

    /** Equal values share one doubled rank, so whichever of them the search finds will do. */
    private static int doubledRank(double[] sortedAbs, int[] doubledRanks, double value) {
        return doubledRanks[Arrays.binarySearch(sortedAbs, value)];
    }
}
