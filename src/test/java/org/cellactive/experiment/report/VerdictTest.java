package org.cellactive.experiment.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {

    private static final double NEVER = Double.POSITIVE_INFINITY;
    private static final int POOL = 300;

    private static StrategySummary random(double... labelsToTarget) {
        return summary("random", labelsToTarget, null);
    }

    /** An active strategy whose labels to AP 0.90 and 0.95 are both {@code labels}, paired with random's. */
    private static StrategySummary active(String name, double[] labels, double[] random) {
        return summary(name, labels, PairedDifference.of(0.90, labels, random, POOL));
    }

    private static StrategySummary summary(String name, double[] labels, PairedDifference paired) {
        LabelsToTarget t = LabelsToTarget.of(0.90, labels);
        PairedDifference p95 = paired == null ? null
                : new PairedDifference(0.95, paired.repeats(), paired.difference(), paired.wilcoxonP(), paired.finding());
        return new StrategySummary(name, labels.length, t, t, null, 0.95, 0.9, Double.NaN, Double.NaN, paired, p95);
    }

    @Test
    void fewerLabelsOnlyWithTheIntervalBelowZero() {
        double[] r = {30, NEVER, 30, NEVER, 30, NEVER, 30, NEVER};
        String v = Verdict.of(List.of(random(r), active("margin", new double[] {20, 20, 20, 20, 20, 20, 20, 20}, r)), 5);
        assertEquals("Labels to reach the AP target, each strategy against random in the same repeats (95% interval"
                + " of the median paired difference): margin: AP 0.90 fewer labels than random (median \u2212145.5"
                + " labels, \u2212281 to \u221210, Wilcoxon p 0.007813); AP 0.95 fewer labels than random (median"
                + " \u2212145.5 labels, \u2212281 to \u221210, Wilcoxon p 0.007813).", v);
    }

    @Test
    void lowerMediansAtFewRepeatsAreNoDifferenceShown() {
        // the old median rule said "beats random" here: 25 vs 175 labels; five repeats cannot show it
        double[] r = {150, 160, 175, 190, 200};
        String v = Verdict.of(List.of(random(r), active("margin", new double[] {20, 22, 25, 28, 30}, r)), 5);
        assertTrue(v.contains("margin: AP 0.90 no difference shown at 5 repeats (median \u2212150 labels,"), v);
        assertTrue(v.contains("Wilcoxon p 0.0625)"), v);
    }

    @Test
    void moreLabelsWhenTheIntervalIsAboveZero() {
        double[] r = {20, 20, 20, 20, 20, 20};
        String v = Verdict.of(List.of(random(r), active("entropy", new double[] {30, 40, 30, 40, 30, 40}, r)), 5);
        assertTrue(v.contains("entropy: AP 0.90 more labels than random (median +15 labels, +10 to +20,"), v);
    }

    @Test
    void everyActiveStrategyGetsItsOwnFinding() {
        double[] r = {30, 40, 50, 60, 70, 80};
        String v = Verdict.of(List.of(random(r), active("margin", new double[] {10, 10, 10, 10, 10, 10}, r),
                active("entropy", r.clone(), r)), 5);
        assertTrue(v.contains(" margin: AP 0.90 fewer labels than random"), v);
        assertTrue(v.contains(" entropy: AP 0.90 no difference shown at 6 repeats (median 0 labels, 0 to 0,"
                + " Wilcoxon p 1)"), v);
    }

    @Test
    void oneRepeatShowsNoDifference() {
        double[] r = {NEVER};
        String v = Verdict.of(List.of(random(r), active("margin", new double[] {10}, r)), 5);
        assertTrue(v.contains("margin: AP 0.90 no difference shown at 1 repeat (median \u2212291 labels,"), v);
    }

    @Test
    void everyStrategyReachedTheTargetAtOnce() {
        double[] r = {5, 5, 6};
        String v = Verdict.of(List.of(random(r), active("margin", new double[] {5, 5, 5}, r)), 5);
        assertEquals("Every strategy reached AP 0.90 at once, on the 5-cell seed set: the features separate"
                + " the classes almost perfectly, so there were no labels for active learning to save.", v);
    }

    @Test
    void withoutRandomThereIsNoComparison() {
        assertEquals("No random baseline was run, so this run cannot say whether active learning saves labels.",
                Verdict.of(List.of(summary("margin", new double[] {20, 25}, null)), 5));
    }

    @Test
    void randomAloneIsNoComparison() {
        assertEquals("Only random sampling was run, so this run cannot say whether active learning saves labels.",
                Verdict.of(List.of(random(20, 25)), 5));
        assertThrows(IllegalArgumentException.class, () -> Verdict.of(List.of(), 5));
    }

    @Test
    void signedCountsSayWhichWay() {
        assertEquals("+3", Verdict.signed(3));
        assertEquals("0", Verdict.signed(0));
        assertEquals("\u2212145.5", Verdict.signed(-145.5));
    }
}
