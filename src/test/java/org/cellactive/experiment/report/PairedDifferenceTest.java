package org.cellactive.experiment.report;

import org.cellactive.experiment.report.PairedDifference.Finding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PairedDifferenceTest {

    private static final double NEVER = Double.POSITIVE_INFINITY;
    private static final int POOL = 300;

    @Test
    void randomNeverReachingInExactlyHalfTheRepeatsIsFewerLabels() {
        double[] active = {20, 20, 20, 20, 20, 20, 20, 20};
        double[] random = {30, NEVER, 30, NEVER, 30, NEVER, 30, NEVER};
        // random's own median lies between a reached and a never-reached repeat, so it is "not reached"
        assertFalse(LabelsToTarget.of(0.90, random).medianReached());
        // paired: four differences 20 - 30 = -10 and four 20 - (300 + 1) = -281
        PairedDifference p = PairedDifference.of(0.90, active, random, POOL);
        assertEquals(8, p.repeats());
        assertEquals(new MedianBootstrap(8, -145.5, -281, -10), p.difference());
        // all eight below 0: T+ = 0 has probability 1/256, doubled
        assertEquals(2.0 / 256, p.wilcoxonP(), 1e-15);
        assertEquals(Finding.FEWER, p.finding());
        assertEquals("fewer labels than random", p.findingText());
    }

    @Test
    void theStrategyNeverReachingInHalfTheRepeatsIsMoreLabels() {
        double[] active = {NEVER, 40, NEVER, 40, NEVER, 40, NEVER, 40};
        double[] random = {30, 30, 30, 30, 30, 30, 30, 30};
        PairedDifference p = PairedDifference.of(0.95, active, random, POOL);
        assertEquals(new MedianBootstrap(8, 140.5, 10, 271), p.difference());
        assertEquals(Finding.MORE, p.finding());
    }

    @Test
    void fiveRepeatsAllBelowZeroAreNotEnough() {
        // every resampled median is below 0, but 5 of 5 below 0 happens by chance 1 in 16 (two-sided)
        PairedDifference p = PairedDifference.of(0.90, new double[] {10, 10, 10, 10, 10},
                new double[] {20, 30, 40, 50, 60}, POOL);
        assertEquals(new MedianBootstrap(5, -30, -50, -10), p.difference());
        assertEquals(2.0 / 32, p.wilcoxonP(), 1e-15);
        assertEquals(Finding.NO_DIFFERENCE, p.finding());
        assertEquals("no difference shown at 5 repeats", p.findingText());
    }

    @Test
    void sixRepeatsAllBelowZeroAre() {
        PairedDifference p = PairedDifference.of(0.90, new double[] {10, 10, 10, 10, 10, 10},
                new double[] {20, 30, 40, 50, 60, 70}, POOL);
        assertEquals(2.0 / 64, p.wilcoxonP(), 1e-15);
        assertEquals(Finding.FEWER, p.finding());
    }

    @Test
    void tiedDifferencesWithOneAgainstAreNotEnough() {
        // six -5 and one +5: the interval is the point -5 (a resample median of +5 needs 4 of 7 draws
        // on the single +5, under 1%), but with all |d| tied the signed-rank test is a sign test: 16/128
        PairedDifference p = PairedDifference.of(0.90, new double[] {25, 25, 25, 25, 25, 25, 35},
                new double[] {30, 30, 30, 30, 30, 30, 30}, POOL);
        assertEquals(new MedianBootstrap(7, -5, -5, -5), p.difference());
        assertEquals(16.0 / 128, p.wilcoxonP(), 1e-15);
        assertEquals(Finding.NO_DIFFERENCE, p.finding());
    }

    @Test
    void identicalCurvesShowNoDifference() {
        double[] same = {5, 10, 15, 20, 25, 30, 35, 40};
        PairedDifference p = PairedDifference.of(0.90, same, same.clone(), POOL);
        assertEquals(new MedianBootstrap(8, 0, 0, 0), p.difference());
        assertEquals(1.0, p.wilcoxonP());
        assertEquals("no difference shown at 8 repeats", p.findingText());
    }

    @Test
    void neitherEverReachingIsADifferenceOfZero() {
        PairedDifference p = PairedDifference.of(0.95, new double[] {NEVER, NEVER, NEVER},
                new double[] {NEVER, NEVER, NEVER}, POOL);
        assertEquals(new MedianBootstrap(3, 0, 0, 0), p.difference());
        assertEquals(Finding.NO_DIFFERENCE, p.finding());
    }

    @Test
    void oneRepeatShowsNoDifferenceHoweverLarge() {
        PairedDifference p = PairedDifference.of(0.90, new double[] {10}, new double[] {NEVER}, POOL);
        assertEquals(new MedianBootstrap(1, -291, -291, -291), p.difference());
        assertEquals(1.0, p.wilcoxonP());
        assertEquals("no difference shown at 1 repeat", p.findingText());
    }

    @Test
    void countsOutsideThePoolAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedDifference.of(0.90, new double[] {301}, new double[] {20}, POOL));
        assertThrows(IllegalArgumentException.class,
                () -> PairedDifference.of(0.90, new double[] {20, 20}, new double[] {20}, POOL));
        assertThrows(IllegalArgumentException.class,
                () -> PairedDifference.of(0.90, new double[0], new double[0], POOL));
    }
}
