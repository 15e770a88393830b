package org.cellactive.experiment.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedianBootstrapTest {

    @Test
    void aConstantSampleHasAPointInterval() {
        assertEquals(new MedianBootstrap(6, 0, 0, 0), MedianBootstrap.of(new double[] {0, 0, 0, 0, 0, 0}));
        assertEquals(new MedianBootstrap(1, -100, -100, -100), MedianBootstrap.of(new double[] {-100}));
    }

    @Test
    void threeValuesSpanTheirExtremes() {
        // each extreme is the resample median with probability 7/27 (two or three of three draws),
        // far above 2.5%, so the interval runs from the smallest value to the largest
        assertEquals(new MedianBootstrap(3, -2, -3, -1), MedianBootstrap.of(new double[] {-1, -3, -2}));
    }

    @Test
    void halfOfTwoValuesEachSpansBoth() {
        // 4 x -10 and 4 x -281: the resample median is -281 when 5+ of 8 draws are -281 (93/256)
        MedianBootstrap m = MedianBootstrap.of(new double[] {-10, -281, -10, -281, -10, -281, -10, -281});
        assertEquals(new MedianBootstrap(8, -145.5, -281, -10), m);
    }

    @Test
    void agreesWithTheExactBootstrapDistributionOfAnOddMedian() {
        // for odd n the resample median is at most the k-th smallest value x(k) exactly when at least
        // (n+1)/2 of the n draws are among the k smallest: P = P(Binomial(n, k/n) >= (n+1)/2)
        double[] values = {-40, -31, -25, -20, -12, -9, -5, -2, 0, 3, 8};
        int n = values.length;
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double low = Double.NaN;
        double high = Double.NaN;
        for (int k = 1; k <= n; k++) {
            double cdf = binomialUpperTail(n, (double) k / n, (n + 1) / 2);
            // the test only means something where the CDF does not sit near 2.5% or 97.5%
            assertTrue(Math.abs(cdf - 0.025) > 0.005 && Math.abs(cdf - 0.975) > 0.005, "cdf " + cdf);
            if (Double.isNaN(low) && cdf > 0.025) {
                low = sorted[k - 1];
            }
            if (Double.isNaN(high) && cdf > 0.975) {
                high = sorted[k - 1];
            }
        }
        MedianBootstrap m = MedianBootstrap.of(values);
        assertEquals(-9, m.median());
        assertEquals(low, m.low());
        assertEquals(high, m.high());
        assertTrue(low > sorted[0] && high < sorted[n - 1], "the check should not be the trivial extremes");
    }

    @Test
    void theSameValuesGiveTheSameIntervalEveryTime() {
        double[] d = {-12, 4, -30, -7, 0, -18, 25, -3, -9, -11, 6, -40, -2, -15, -1, 3, -22, -6, -8, 10};
        assertEquals(MedianBootstrap.of(d), MedianBootstrap.of(d.clone()));
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThrows(IllegalArgumentException.class, () -> MedianBootstrap.of(new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> MedianBootstrap.of(new double[] {1, Double.POSITIVE_INFINITY}));
    }

    private static double binomialUpperTail(int n, double p, int atLeast) {
        double sum = 0;
        for (int j = atLeast; j <= n; j++) {
            double c = 1;
            for (int i = 0; i < j; i++) {
                c = c * (n - i) / (i + 1);
            }
            sum += c * Math.pow(p, j) * Math.pow(1 - p, n - j);
        }
        return sum;
    }
}
