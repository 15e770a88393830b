package org.cellactive.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    private static final double EPS = 1e-12;

    @Test
    void distinctScores() {
        // thresholds 0.9 (P=1, R=.5), 0.8 (R unchanged), 0.7 (P=2/3, R=1): .5*1 + .5*2/3
        double ap = AveragePrecision.of(new double[] {0.9, 0.8, 0.7, 0.1}, new boolean[] {true, false, true, false});
        assertEquals(5.0 / 6.0, ap, EPS);
    }

    @Test
    void differsFromTrapezoidAndFromHardLabels() {
        double ap = AveragePrecision.of(new double[] {0.9, 0.8, 0.7, 0.1}, new boolean[] {true, false, true, false});
        // Trapezoid over (R,P) = (0,1),(.5,1),(.5,.5),(1,2/3): .5 + .5*(.5+2/3)/2 = 0.791666...
        assertNotEquals(0.5 + 0.5 * (0.5 + 2.0 / 3.0) / 2, ap, 1e-3);
        // The article's hard labels (p >= 0.5 -> 1) tie the top three cells: AP = 2/3.
        double hard = AveragePrecision.of(new double[] {1, 1, 1, 0}, new boolean[] {true, false, true, false});
        assertEquals(2.0 / 3.0, hard, EPS);
        assertNotEquals(hard, ap, 1e-3);
    }

    @Test
    void tiedScoresFormOneThreshold() {
        // One threshold at 0.5 holds 2 positives of 3 cells: AP = 1 * 2/3, whatever the order inside the tie.
        assertEquals(2.0 / 3.0, AveragePrecision.of(new double[] {0.5, 0.5, 0.5, 0.1},
                new boolean[] {true, false, true, false}), EPS);
        assertEquals(2.0 / 3.0, AveragePrecision.of(new double[] {0.5, 0.5, 0.5, 0.1},
                new boolean[] {false, true, true, false}), EPS);
        // Tie in the middle: 0.9 (P=1,R=1/3), 0.6 x3 with 1 more positive (P=2/4,R=2/3), 0.2 (P=3/5,R=1)
        double ap = AveragePrecision.of(new double[] {0.9, 0.6, 0.6, 0.6, 0.2},
                new boolean[] {true, false, true, false, true});
        assertEquals(1.0 / 3 + (1.0 / 3) * 0.5 + (1.0 / 3) * 0.6, ap, EPS);
    }

    @Test
    void perfectAndWorstRankings() {
        assertEquals(1.0, AveragePrecision.of(new double[] {0.9, 0.8, 0.3}, new boolean[] {true, true, false}), EPS);
        assertEquals(1.0 / 3, AveragePrecision.of(new double[] {0.9, 0.8, 0.7}, new boolean[] {false, false, true}), EPS);
    }

    @Test
    void noPositiveIsUndefined() {
        assertTrue(Double.isNaN(AveragePrecision.of(new double[] {0.9, 0.1}, new boolean[] {false, false})));
        assertThrows(IllegalArgumentException.class, () -> AveragePrecision.of(new double[] {0.9}, new boolean[] {}));
    }

    @Test
    void macroOneVsRestAveragesPerClassAp() {
        double[][] p = {
            {0.7, 0.2, 0.1},
            {0.3, 0.6, 0.1},
            {0.5, 0.1, 0.4},
            {0.1, 0.3, 0.6},
        };
        int[] truth = {0, 1, 2, 2};
        // class 0: scores .7,.3,.5,.1, positive cell 0 ranked first: AP 1
        // class 1: scores .2,.6,.1,.3, positive cell 1 ranked first: AP 1
        // class 2: scores .1,.1,.4,.6, positives cells 2,3 ranked first: AP 1
        assertEquals(1.0, AveragePrecision.macroOneVsRest(p, truth, 3), EPS);
        int[] swapped = {0, 1, 2, 0};
        // class 0: .7 pos (P1,R.5), .5 neg, .3 neg, .1 pos (P=2/4, R=1): .5 + .5*.5 = .75
        // class 1: AP 1; class 2: scores .1(c0),.1(c1),.4 pos,.6 neg: .6 neg, .4 pos (P=1/2,R=1): .5
        assertEquals((0.75 + 1 + 0.5) / 3, AveragePrecision.macroOneVsRest(p, swapped, 3), EPS);
    }

    @Test
    void testScoresAccuracyAndBalancedAccuracy() {
        double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.6, 0.4}, {0.3, 0.7}, {0.45, 0.55}};
        int[] truth = {0, 0, 1, 1, 0};
        TestScores s = TestScores.of(p, truth, 2);
        // predicted 0,0,0,1,1: 3 of 5 right; recall class 0 = 2/3, class 1 = 1/2
        assertEquals(0.6, s.accuracy(), EPS);
        assertEquals((2.0 / 3 + 0.5) / 2, s.balancedAccuracy(), EPS);
        // positive scores .1,.2,.4,.7,.55: .7 pos (P1,R.5), .55 neg, .4 pos (P=2/3,R=1): .5 + .5*2/3
        assertEquals(0.5 + 1.0 / 3, s.ap(), EPS);
    }
}
