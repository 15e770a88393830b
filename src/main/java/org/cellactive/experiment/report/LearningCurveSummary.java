package org.cellactive.experiment.report;

import org.cellactive.experiment.CurveRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the rows of curves.csv into per-strategy summaries (summary.csv) and mean
 * learning curves with a 95% band (the figure), as PROTOCOL.md's "Summary over repeats" asks.
 *
 * <p>Definitions, per strategy:
 * <ul>
 *   <li><b>labels to AP &ge; t</b>: in each repeat, the labels of the first round (in round
 *       order) whose AP is &ge; t; a repeat with none is "not reached". Median and quartiles
 *       over repeats are type-7 quantiles with "not reached" ranked above every number
 *       ({@link Quantiles}): when more than half the repeats never reached t (or exactly half,
 *       as the median then lies between a reached and a not-reached repeat) the median is
 *       "not reached".</li>
 *   <li><b>AP at 25 labels</b>: in each repeat, the AP of the last round with at most 25 labels
 *       (the model a 25-label budget buys; with batch size 1 exactly 25), counted only for
 *       repeats whose curve runs to 25 labels or more. Mean over repeats with a 95% t-interval.</li>
 *   <li><b>final AP</b>: the AP of each repeat's last round, mean over repeats.</li>
 *   <li><b>AULC</b>: per repeat the mean AP over its rounds (round 0, the seed-set fit,
 *       included), then the mean over repeats.</li>
 *   <li><b>savings</b>: random's median labels to the target divided by this strategy's;
 *       empty (NaN) when either median is "not reached" or no strategy is named "random".
 *       Above 1 means the strategy needs fewer labels than random.</li>
 *   <li><b>paired difference against random</b>, per target: over the repeats run by both the
 *       strategy and random, the per-repeat difference of labels to the target, "not reached"
 *       counted as pool size + 1, its median with a bootstrap interval, the exact Wilcoxon
 *       signed-rank p and the finding ({@link PairedDifference}). Not computed for random itself,
 *       nor when no strategy is named "random".</li>
 * </ul>
 * Mean curves: for each strategy and each labels count, the mean AP over the repeats with a
 * round at that count, with a 95% Student-t interval of the mean ({@link MeanInterval}).
 *
 * <p>Strategies keep the order in which they first appear in the rows.
 */
public final class LearningCurveSummary {

    /** The strategy name that is the baseline for label savings. */
    public static final String RANDOM = "random";
    /** The label budget of the "AP at 25 labels" column (the article's claim). */
    public static final int BUDGET_LABELS = 25;
    /** The AP targets of summary.csv. */
    public static final double TARGET_90 = 0.90;
    public static final double TARGET_95 = 0.95;

    private LearningCurveSummary() {
    }

    /**
     * One summary per strategy, in first-appearance order.
     *
     * @param rows     the learning-curve rows of every repeat, strategy and round
     * @param poolSize the pool size of every repeat ({@code --pool}); the paired comparison counts
     *                 a repeat that never reached a target as poolSize + 1 labels
     */
    public static List<StrategySummary> summarise(List<CurveRow> rows, int poolSize) {
        Map<String, Map<Integer, List<CurveRow>>> curves = curvesByStrategyAndRepeat(rows);
        int mostLabels = rows.stream().mapToInt(CurveRow::labels).max().orElseThrow();
        if (mostLabels > poolSize) {
            throw new IllegalArgumentException("a learning-curve row has " + mostLabels
                    + " labels, more than the pool size " + poolSize + " the summary was given");
        }
        StrategySummary randomSummary = !curves.containsKey(RANDOM) ? null
                : summariseStrategy(RANDOM, new ArrayList<>(curves.get(RANDOM).values()));
        List<StrategySummary> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, List<CurveRow>>> e : curves.entrySet()) {
            StrategySummary s = summariseStrategy(e.getKey(), new ArrayList<>(e.getValue().values()));
            boolean paired = randomSummary != null && !s.strategy().equals(RANDOM);
            out.add(new StrategySummary(s.strategy(), s.repeats(), s.toAp90(), s.toAp95(), s.apAt25(),
                    s.finalApMean(), s.aulcMean(),
                    randomSummary == null ? Double.NaN : savings(randomSummary.toAp90(), s.toAp90()),
                    randomSummary == null ? Double.NaN : savings(randomSummary.toAp95(), s.toAp95()),
                    paired ? pairedAgainstRandom(e.getValue(), curves.get(RANDOM), TARGET_90, poolSize) : null,
                    paired ? pairedAgainstRandom(e.getValue(), curves.get(RANDOM), TARGET_95, poolSize) : null));
        }
        return out;
    }

    /**
     * Labels to {@code target} of a strategy against random over the repeats both ran (in a complete
     * run, all of them), paired by repeat number; null when they share no repeat.
     */
    static PairedDifference pairedAgainstRandom(Map<Integer, List<CurveRow>> strategy,
                                                Map<Integer, List<CurveRow>> random, double target, int poolSize) {
        List<Integer> shared = strategy.keySet().stream().filter(random::containsKey).sorted().toList();
        if (shared.isEmpty()) {
            return null;
        }
        double[] s = new double[shared.size()];
        double[] r = new double[shared.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = labelsToReach(strategy.get(shared.get(i)), target);
            r[i] = labelsToReach(random.get(shared.get(i)), target);
        }
        return PairedDifference.of(target, s, r, poolSize);
    }

    /** Mean AP per labels count with its 95% band, per strategy in first-appearance order. */
    public static LinkedHashMap<String, List<BandPoint>> bands(List<CurveRow> rows) {
        validate(rows);
        LinkedHashMap<String, TreeMap<Integer, List<Double>>> byLabels = new LinkedHashMap<>();
        for (CurveRow r : rows) {
            byLabels.computeIfAbsent(r.strategy(), k -> new TreeMap<>())
                    .computeIfAbsent(r.labels(), k -> new ArrayList<>()).add(r.ap());
        }
        LinkedHashMap<String, List<BandPoint>> out = new LinkedHashMap<>();
        byLabels.forEach((strategy, points) -> {
            List<BandPoint> band = new ArrayList<>();
            points.forEach((labels, aps) -> band.add(
                    new BandPoint(labels, MeanInterval.of(aps.stream().mapToDouble(Double::doubleValue).toArray()))));
            out.put(strategy, band);
        });
        return out;
    }

    /** Labels of the first round whose AP reaches {@code target}; +Infinity when none does. */
    static double labelsToReach(List<CurveRow> curve, double target) {
        for (CurveRow r : curve) {
            if (r.ap() >= target) {
                return r.labels();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** AP of the last round with at most {@code budget} labels; NaN when the curve does not span the budget. */
    static double apAtBudget(List<CurveRow> curve, int budget) {
        if (curve.get(curve.size() - 1).labels() < budget) {
            return Double.NaN;
        }
        double ap = Double.NaN;
        for (CurveRow r : curve) {
            if (r.labels() <= budget) {
                ap = r.ap();
            }
        }
        return ap;
    }

    private static double savings(LabelsToTarget random, LabelsToTarget strategy) {
        if (!random.medianReached() || !strategy.medianReached() || strategy.median() <= 0) {
            return Double.NaN;
        }
        return random.median() / strategy.median();
    }

    private static StrategySummary summariseStrategy(String strategy, List<List<CurveRow>> repeats) {
        int n = repeats.size();
        double[] to90 = new double[n];
        double[] to95 = new double[n];
        double[] finals = new double[n];
        double[] aulcs = new double[n];
        List<Double> at25 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<CurveRow> curve = repeats.get(i);
            to90[i] = labelsToReach(curve, TARGET_90);
            to95[i] = labelsToReach(curve, TARGET_95);
            finals[i] = curve.get(curve.size() - 1).ap();
            aulcs[i] = curve.stream().mapToDouble(CurveRow::ap).average().orElseThrow();
            double ap = apAtBudget(curve, BUDGET_LABELS);
            if (!Double.isNaN(ap)) {
                at25.add(ap);
            }
        }
        MeanInterval apAt25 = at25.isEmpty() ? null
                : MeanInterval.of(at25.stream().mapToDouble(Double::doubleValue).toArray());
        return new StrategySummary(strategy, n, LabelsToTarget.of(TARGET_90, to90), LabelsToTarget.of(TARGET_95, to95),
                apAt25, MeanInterval.of(finals).mean(), MeanInterval.of(aulcs).mean(), Double.NaN, Double.NaN, null, null);
    }

    /** strategy (first-appearance order) -> repeat -> rows in round order. */
    private static Map<String, Map<Integer, List<CurveRow>>> curvesByStrategyAndRepeat(List<CurveRow> rows) {
        validate(rows);
        Map<String, Map<Integer, List<CurveRow>>> out = new LinkedHashMap<>();
        for (CurveRow r : rows) {
            out.computeIfAbsent(r.strategy(), k -> new TreeMap<>())
                    .computeIfAbsent(r.repeat(), k -> new ArrayList<>()).add(r);
        }
        out.values().forEach(m -> m.values().forEach(c -> c.sort(Comparator.comparingInt(CurveRow::round))));
        return out;
    }

    private static void validate(List<CurveRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no learning-curve rows to summarise");
        }
        Set<String> seen = new HashSet<>();
        for (CurveRow r : rows) {
            if (r.strategy() == null || r.strategy().isBlank()) {
                throw new IllegalArgumentException("learning-curve row without a strategy name: " + r);
            }
            if (!Double.isFinite(r.ap()) || r.ap() < 0 || r.ap() > 1) {
                throw new IllegalArgumentException("learning-curve row with an AP outside [0, 1]: " + r);
            }
            if (!seen.add(r.strategy() + '\u0000' + r.repeat() + '\u0000' + r.round())) {
                throw new IllegalArgumentException("two learning-curve rows for strategy " + r.strategy()
                        + ", repeat " + r.repeat() + ", round " + r.round());
            }
        }
    }
}
