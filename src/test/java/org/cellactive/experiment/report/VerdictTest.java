package org.cellactive.experiment.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictTest {

    private static final double NEVER = Double.POSITIVE_INFINITY;

    private static StrategySummary summary(String name, double... labelsTo90) {
        LabelsToTarget t = LabelsToTarget.of(0.90, labelsTo90);
        return new StrategySummary(name, labelsTo90.length, t, t, null, 0.95, 0.9, Double.NaN, Double.NaN);
    }

    @Test
    void activeLearningBeatsRandom() {
        String v = Verdict.of(List.of(summary("random", 150, 175, 200), summary("margin", 20, 25, 30),
                summary("entropy", 30, 40, 50)), 5);
        assertEquals("Active learning (margin) reached AP 0.90 with a median of 25 labels vs 175 at random"
                + " (7.00\u00d7 fewer labels).", v);
    }

    @Test
    void activeLearningDidNotBeatRandom() {
        String v = Verdict.of(List.of(summary("random", 20, 25, 30), summary("margin", 25, 30, 40)), 5);
        assertEquals("Active learning did not beat random on this setting: the best active strategy (margin)"
                + " needed a median of 30 labels to reach AP 0.90 vs 25 at random.", v);
    }

    @Test
    void equalMediansDoNotCountAsBeatingRandom() {
        String v = Verdict.of(List.of(summary("random", 20, 25, 30), summary("margin", 10, 25, 40)), 5);
        assertEquals("Active learning did not beat random on this setting: the best active strategy (margin)"
                + " needed a median of 25 labels to reach AP 0.90 vs 25 at random.", v);
    }

    @Test
    void everyStrategyReachedTheTargetAtOnce() {
        String v = Verdict.of(List.of(summary("random", 5, 5, 6), summary("margin", 5, 5, 5)), 5);
        assertEquals("Every strategy reached AP 0.90 at once, on the 5-cell seed set: the features separate"
                + " the classes almost perfectly, so there were no labels for active learning to save.", v);
    }

    @Test
    void randomNotReachingTheTargetIsSaidSo() {
        String v = Verdict.of(List.of(summary("random", 100, NEVER, NEVER), summary("margin", 20, 25, NEVER)), 5);
        assertEquals("Active learning (margin) reached AP 0.90 with a median of 25 labels, while random sampling"
                + " did not reach it in most repeats (2 of 3 never did).", v);
    }

    @Test
    void neitherReachingTheTargetIsNotABeat() {
        String v = Verdict.of(List.of(summary("random", NEVER, NEVER), summary("margin", 20, NEVER, NEVER)), 5);
        assertEquals("Active learning did not beat random on this setting: neither the best active strategy"
                + " (margin) nor random sampling reached AP 0.90 in most repeats.", v);
    }

    @Test
    void withoutRandomThereIsNoComparison() {
        assertEquals("No random baseline was run, so this run cannot say whether active learning saves labels.",
                Verdict.of(List.of(summary("margin", 20, 25)), 5));
    }
}
