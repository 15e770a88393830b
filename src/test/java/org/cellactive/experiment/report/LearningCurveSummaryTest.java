package org.cellactive.experiment.report;

import org.cellactive.experiment.CurveRow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningCurveSummaryTest {

    private static final double EPS = 1e-9;
    private static final int POOL = 300;

    private final List<StrategySummary> summary = LearningCurveSummary.summarise(HandMadeCurves.rows(), POOL);

    private StrategySummary strategy(String name) {
        return summary.stream().filter(s -> s.strategy().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void strategiesKeepFirstAppearanceOrder() {
        assertEquals(List.of("random", "margin"), summary.stream().map(StrategySummary::strategy).toList());
        assertEquals(4, strategy("margin").repeats());
    }

    @Test
    void labelsToAp90CountsRepeatsThatNeverReachItAsNotReached() {
        // margin reaches 0.90 at 15, 10, 20 labels and never: sorted 10, 15, 20, never.
        LabelsToTarget t = strategy("margin").toAp90();
        assertEquals(17.5, t.median(), EPS);
        assertEquals(13.75, t.q1(), EPS);
        assertEquals(Double.POSITIVE_INFINITY, t.q3());
        assertEquals(1, t.neverReached());
        assertEquals(4, t.repeats());
    }

    @Test
    void medianIsNotReachedWhenHalfOrMoreNeverReach() {
        // margin reaches 0.95 at 20, 25 and twice never.
        LabelsToTarget t = strategy("margin").toAp95();
        assertEquals(Double.POSITIVE_INFINITY, t.median());
        assertEquals(23.75, t.q1(), EPS);
        assertEquals(2, t.neverReached());
        // random reaches 0.95 once (30) and three times never.
        assertEquals(3, strategy("random").toAp95().neverReached());
        // its first quartile lies between 30 and a repeat that never reached it
        assertEquals(Double.POSITIVE_INFINITY, strategy("random").toAp95().q1());
    }

    @Test
    void randomQuartilesInterpolateLikeNumpy() {
        // random reaches 0.90 at 25, 20, 30, 25: sorted 20, 25, 25, 30.
        LabelsToTarget t = strategy("random").toAp90();
        assertEquals(25.0, t.median(), EPS);
        assertEquals(23.75, t.q1(), EPS);
        assertEquals(26.25, t.q3(), EPS);
        assertEquals(0, t.neverReached());
    }

    @Test
    void savingsIsRandomMedianOverStrategyMedianAndEmptyWhenNotReached() {
        assertEquals(25.0 / 17.5, strategy("margin").savingsAp90(), EPS);
        assertEquals(1.0, strategy("random").savingsAp90(), EPS);
        assertTrue(Double.isNaN(strategy("margin").savingsAp95()));
        assertTrue(Double.isNaN(strategy("random").savingsAp95()));
    }

    @Test
    void savingsIsEmptyWithoutRandom() {
        List<CurveRow> noRandom = HandMadeCurves.rows().stream().filter(r -> r.strategy().equals("margin")).toList();
        StrategySummary margin = LearningCurveSummary.summarise(noRandom, POOL).get(0);
        assertTrue(Double.isNaN(margin.savingsAp90()));
        assertEquals(17.5, margin.toAp90().median(), EPS);
    }

    @Test
    void eachActiveStrategyIsPairedWithRandomRepeatByRepeat() {
        // AP 0.90, margin - random per repeat: 15 - 25, 10 - 20, 20 - 30, never (301) - 25
        PairedDifference p90 = strategy("margin").vsRandomAp90();
        assertEquals(4, p90.repeats());
        assertEquals(-10, p90.difference().median(), EPS);
        // |d| 10, 10, 10, 276: mid-ranks 2, 2, 2, 4; T+ = 4, and P(T+ <= 4) = 8/16, doubled
        assertEquals(1.0, p90.wilcoxonP(), EPS);
        assertEquals(PairedDifference.Finding.NO_DIFFERENCE, p90.finding());
        // AP 0.95: 20 - 30, 25 - never, never - never, never - never: -10, -276, 0, 0
        PairedDifference p95 = strategy("margin").vsRandomAp95();
        assertEquals(-5, p95.difference().median(), EPS);
        assertEquals(0.5, p95.wilcoxonP(), EPS);
        assertEquals("no difference shown at 4 repeats", p95.findingText());
        // random is not compared with itself
        assertNull(strategy("random").vsRandomAp90());
        assertNull(strategy("random").vsRandomAp95());
    }

    @Test
    void pairsAreMatchedByRepeatNumberNotByPosition() {
        // random's repeats appear in the rows in the opposite order; only repeats 1 and 2 are shared
        List<CurveRow> rows = new ArrayList<>();
        rows.addAll(HandMadeCurves.curve("random", 2, 5, 5, 0.5, 0.5, 0.95));
        rows.addAll(HandMadeCurves.curve("random", 1, 5, 5, 0.5, 0.95));
        rows.addAll(HandMadeCurves.curve("random", 0, 5, 5, 0.95));
        rows.addAll(HandMadeCurves.curve("margin", 1, 5, 5, 0.95));
        rows.addAll(HandMadeCurves.curve("margin", 2, 5, 5, 0.95));
        rows.addAll(HandMadeCurves.curve("margin", 3, 5, 5, 0.5));
        PairedDifference p = LearningCurveSummary.summarise(rows, POOL).get(1).vsRandomAp90();
        // repeat 1: 5 - 10, repeat 2: 5 - 15
        assertEquals(2, p.repeats());
        assertEquals(new MedianBootstrap(2, -7.5, -10, -5), p.difference());
    }

    @Test
    void noPairedComparisonWithoutRandom() {
        List<CurveRow> noRandom = HandMadeCurves.rows().stream().filter(r -> r.strategy().equals("margin")).toList();
        StrategySummary margin = LearningCurveSummary.summarise(noRandom, POOL).get(0);
        assertNull(margin.vsRandomAp90());
        assertNull(margin.vsRandomAp95());
    }

    @Test
    void aPoolSmallerThanTheCurvesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningCurveSummary.summarise(HandMadeCurves.rows(), 29));
        assertTrue(e.getMessage().contains("30 labels"), e.getMessage());
    }

    @Test
    void apAt25IsMeanWithStudentTInterval() {
        // margin at 25 labels: 0.97, 0.95, 0.93, 0.80; mean 0.9125, sample sd 0.0767572,
        // half-width t(0.975, 3) * sd / 2 = 3.1824 * 0.0383786 = 0.122136.
        MeanInterval m = strategy("margin").apAt25();
        assertEquals(4, m.n());
        assertEquals(0.9125, m.mean(), EPS);
        assertEquals(0.122136, m.halfWidth(), 1e-5);
    }

    @Test
    void finalApAndAulcAreMeansOverRepeats() {
        StrategySummary margin = strategy("margin");
        assertEquals((0.98 + 0.96 + 0.94 + 0.86) / 4, margin.finalApMean(), EPS);
        // per repeat mean over 6 rounds: sums 5.13, 5.29, 5.20, 3.86, so the mean is 19.48 / 24.
        assertEquals(19.48 / 24, margin.aulcMean(), EPS);
    }

    @Test
    void apAtBudgetTakesTheLastRoundWithinTheBudget() {
        // batch 3: labels 5, 8, ..., 23, 26; the 25-label budget buys the model fit on 23.
        double[] aps = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        List<CurveRow> batch3 = HandMadeCurves.curve("margin", 0, 5, 3, aps);
        assertEquals(0.7, LearningCurveSummary.apAtBudget(batch3, 25), EPS);
        // a curve that stops at 20 labels does not say what 25 labels give.
        List<CurveRow> shortCurve = HandMadeCurves.curve("margin", 0, 5, 5, 0.5, 0.6, 0.7, 0.8);
        assertTrue(Double.isNaN(LearningCurveSummary.apAtBudget(shortCurve, 25)));
        assertNull(LearningCurveSummary.summarise(shortCurve, POOL).get(0).apAt25());
    }

    @Test
    void labelsToReachIsTheFirstRoundReachingTheTargetEvenIfItDropsLater() {
        List<CurveRow> curve = HandMadeCurves.curve("margin", 0, 5, 1, 0.5, 0.90, 0.85, 0.95);
        assertEquals(6.0, LearningCurveSummary.labelsToReach(curve, 0.90), EPS);
        assertEquals(8.0, LearningCurveSummary.labelsToReach(curve, 0.95), EPS);
        assertEquals(Double.POSITIVE_INFINITY, LearningCurveSummary.labelsToReach(curve, 0.96));
    }

    @Test
    void roundsAreOrderedByRoundNotByRowOrder() {
        List<CurveRow> curve = new ArrayList<>(HandMadeCurves.curve("margin", 0, 5, 5, 0.95, 0.5, 0.6));
        java.util.Collections.reverse(curve);
        StrategySummary s = LearningCurveSummary.summarise(curve, POOL).get(0);
        assertEquals(5.0, s.toAp90().median(), EPS);
        assertEquals(0.6, s.finalApMean(), EPS);
    }

    @Test
    void bandsAreMeanAndStudentTHalfWidthPerLabelsCount() {
        List<CurveRow> rows = new ArrayList<>();
        rows.addAll(HandMadeCurves.curve("margin", 0, 5, 5, 0.8, 0.5, 0.9));
        rows.addAll(HandMadeCurves.curve("margin", 1, 5, 5, 1.0, 0.6));
        rows.addAll(HandMadeCurves.curve("margin", 2, 5, 5, 0.9, 0.7));
        List<BandPoint> band = LearningCurveSummary.bands(rows).get("margin");
        assertEquals(List.of(5, 10, 15), band.stream().map(BandPoint::labels).toList());
        // labels 5: 0.8, 1.0, 0.9: mean 0.9, sd 0.1, t(0.975, 2) * 0.1 / sqrt(3) = 0.248417.
        assertEquals(0.9, band.get(0).ap().mean(), EPS);
        assertEquals(0.248417, band.get(0).ap().halfWidth(), 1e-5);
        assertEquals(0.9 - 0.248417, band.get(0).ap().lower(), 1e-5);
        // labels 10: 0.5, 0.6, 0.7: mean 0.6, the same spread.
        assertEquals(0.6, band.get(1).ap().mean(), EPS);
        assertEquals(0.248417, band.get(1).ap().halfWidth(), 1e-5);
        // labels 15: one repeat, no interval; the band collapses onto the mean.
        assertEquals(1, band.get(2).ap().n());
        assertTrue(Double.isNaN(band.get(2).ap().halfWidth()));
        assertEquals(0.9, band.get(2).ap().upper(), EPS);
    }

    @Test
    void rejectsDuplicateRowsAndImpossibleAp() {
        List<CurveRow> dup = new ArrayList<>(HandMadeCurves.curve("margin", 0, 5, 5, 0.5, 0.6));
        dup.add(dup.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningCurveSummary.summarise(dup, POOL));
        assertTrue(e.getMessage().contains("repeat 0, round 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LearningCurveSummary.summarise(HandMadeCurves.curve("margin", 0, 5, 5, Double.NaN), POOL));
        assertThrows(IllegalArgumentException.class, () -> LearningCurveSummary.summarise(List.of(), POOL));
    }
}
