package org.cellactive.experiment.report;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WilcoxonSignedRankTest {

    @Test
    void sixNegativeDifferencesGiveTwoIn64() {
        // T+ = 0 only for the one all-negative sign pattern of 2^6; two-sided doubles it
        assertEquals(2.0 / 64, WilcoxonSignedRank.twoSidedP(new double[] {-1, -2, -3, -4, -5, -6}), 1e-15);
    }

    @Test
    void fiveDifferencesCanNeverReachFivePercent() {
        assertEquals(2.0 / 32, WilcoxonSignedRank.twoSidedP(new double[] {-10, -20, -30, -40, -50}), 1e-15);
    }

    @Test
    void oneSmallPositiveDifferenceAmongSeven() {
        // ranks 1..7, T+ = 1: the subsets of {1..7} summing to <= 1 are {} and {1}: 2 of 128
        assertEquals(4.0 / 128, WilcoxonSignedRank.twoSidedP(new double[] {1, -2, -3, -4, -5, -6, -7}), 1e-15);
    }

    @Test
    void zeroDifferencesAreDropped() {
        assertEquals(2.0 / 64, WilcoxonSignedRank.twoSidedP(new double[] {0, -1, -2, 0, -3, -4, -5, -6}), 1e-15);
    }

    @Test
    void noNonzeroDifferenceGivesOne() {
        assertEquals(1.0, WilcoxonSignedRank.twoSidedP(new double[] {0, 0, 0}));
        assertEquals(1.0, WilcoxonSignedRank.twoSidedP(new double[] {0}));
    }

    @Test
    void oneDifferenceGivesOne() {
        assertEquals(1.0, WilcoxonSignedRank.twoSidedP(new double[] {-250}));
    }

    @Test
    void allTiedAbsoluteValuesCountSignsOnly() {
        // seven |d| = 5 share mid-rank 4, so T+ = 4 x (number of positives): 6 of 7 negative is
        // P(at most one positive) = 8/128, doubled
        assertEquals(16.0 / 128, WilcoxonSignedRank.twoSidedP(new double[] {-5, -5, -5, -5, -5, -5, 5}), 1e-15);
    }

    @Test
    void agreesWithRsHollanderWolfeExample() {
        // R: wilcox.test(x, y, paired = TRUE) on ?wilcox.test's depression data: V = 40, p-value = 0.03906
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        assertEquals(10.0 / 256, WilcoxonSignedRank.twoSidedP(d), 1e-15);
    }

    @Test
    void agreesWithEnumeratingEverySignPatternOnTiedSamples() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(12);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = random.nextInt(9) - 4; // -4..4: many ties and zeros
            }
            assertEquals(bruteForce(d), WilcoxonSignedRank.twoSidedP(d), 1e-12, java.util.Arrays.toString(d));
        }
    }

    @Test
    void rejectsNonFiniteDifferences() {
        assertThrows(IllegalArgumentException.class,
                () -> WilcoxonSignedRank.twoSidedP(new double[] {1, Double.POSITIVE_INFINITY}));
    }

    /** Mid-ranks by counting, then all 2^n sign patterns: the definition, with no recursion. */
    private static double bruteForce(double[] d) {
        double[] abs = java.util.Arrays.stream(d).filter(v -> v != 0).map(Math::abs).toArray();
        int n = abs.length;
        if (n == 0) {
            return 1.0;
        }
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            int below = 0;
            int equal = 0;
            for (double a : abs) {
                below += a < abs[i] ? 1 : 0;
                equal += a == abs[i] ? 1 : 0;
            }
            rank[i] = below + (equal + 1) / 2.0;
        }
        double observed = 0;
        int k = 0;
        for (double v : d) {
            if (v != 0) {
                observed += v > 0 ? rank[k] : 0;
                k++;
            }
        }
        int lower = 0;
        int upper = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += (mask >> i & 1) == 1 ? rank[i] : 0;
            }
            lower += t <= observed + 1e-9 ? 1 : 0;
            upper += t >= observed - 1e-9 ? 1 : 0;
        }
        return Math.min(1.0, 2.0 * Math.min(lower, upper) / (1 << n));
    }
}
