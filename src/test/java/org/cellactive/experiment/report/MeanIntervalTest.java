package org.cellactive.experiment.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeanIntervalTest {

    @Test
    void twoValuesUseTheT1Quantile() {
        // 0.8 and 1.0: mean 0.9, sd sqrt(0.02), half-width 12.7062 * sd / sqrt(2) = 12.7062 * 0.1.
        MeanInterval m = MeanInterval.of(new double[] {0.8, 1.0});
        assertEquals(0.9, m.mean(), 1e-12);
        assertEquals(1.27062, m.halfWidth(), 1e-9);
    }

    @Test
    void tQuantileMatchesTablesBeyondThirtyDegrees() {
        assertEquals(2.0423, MeanInterval.t975(30), 1e-9);
        assertEquals(2.0930, MeanInterval.t975(19), 1e-9);
        // published t(0.975) values: 40 -> 2.02108, 100 -> 1.98397, 1000 -> 1.96234
        assertEquals(2.02108, MeanInterval.t975(40), 1e-4);
        assertEquals(1.98397, MeanInterval.t975(100), 1e-4);
        assertEquals(1.96234, MeanInterval.t975(1000), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.t975(0));
    }

    @Test
    void quantilesTreatInfinityAsNotReached() {
        double inf = Double.POSITIVE_INFINITY;
        double[] v = {20, inf, 10, 12, inf};
        assertEquals(20.0, Quantiles.of(v, 0.5), 1e-12);
        assertEquals(12.0, Quantiles.of(v, 0.25), 1e-12);
        assertEquals(inf, Quantiles.of(v, 0.75));
        assertEquals(10.0, Quantiles.of(v, 0.0), 1e-12);
        // three of five never reached: the median is not reached
        assertEquals(inf, Quantiles.of(new double[] {10, inf, inf, 12, inf}, 0.5));
        assertEquals(15.0, Quantiles.of(new double[] {10, 20}, 0.5), 1e-12);
    }
}
