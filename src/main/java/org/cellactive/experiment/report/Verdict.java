package org.cellactive.experiment.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The report's answer to "did active learning save labels here?", built from the paired
 * comparison of each active strategy with random ({@link PairedDifference}) and nothing else.
 *
 * <p>In order: if every strategy's median repeat reached AP 0.90 on the seed set itself, the
 * features separate the classes and there is nothing to save; without a "random" strategy or
 * without an active one there is no comparison; otherwise one sentence per active strategy (in
 * run order) gives, for AP 0.90 and AP 0.95, the finding ("fewer labels than random", "more labels
 * than random" or "no difference shown at N repeats") with the median paired difference, its 95%
 * interval and the signed-rank p it was read from. The medians of each strategy alone never decide.
 */
public final class Verdict {

    private Verdict() {
    }

    /** The active (non-random) strategy with the lowest median labels to AP 0.90, then the highest AULC. */
    public static Optional<StrategySummary> bestActive(List<StrategySummary> summaries) {
        return summaries.stream()
                .filter(s -> !s.strategy().equals(LearningCurveSummary.RANDOM))
                .min(Comparator.comparingDouble((StrategySummary s) -> s.toAp90().median())
                        .thenComparing(Comparator.comparingDouble(StrategySummary::aulcMean).reversed()));
    }

    /**
     * @param summaries  the run's per-strategy summaries
     * @param seedLabels labels of round 0 (the seed-set size)
     */
    public static String of(List<StrategySummary> summaries, int seedLabels) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no strategies to judge");
        }
        boolean allAtOnce = summaries.stream()
                .allMatch(s -> s.toAp90().medianReached() && s.toAp90().median() <= seedLabels);
        if (allAtOnce) {
            return "Every strategy reached AP 0.90 at once, on the " + seedLabels
                    + "-cell seed set: the features separate the classes almost perfectly,"
                    + " so there were no labels for active learning to save.";
        }
        boolean hasRandom = summaries.stream().anyMatch(s -> s.strategy().equals(LearningCurveSummary.RANDOM));
        List<StrategySummary> active = summaries.stream()
                .filter(s -> !s.strategy().equals(LearningCurveSummary.RANDOM)).toList();
        if (!hasRandom) {
            return "No random baseline was run, so this run cannot say whether active learning saves labels.";
        }
        if (active.isEmpty()) {
            return "Only random sampling was run, so this run cannot say whether active learning saves labels.";
        }
        StringBuilder v = new StringBuilder("Labels to reach the AP target, each strategy against random in the same"
                + " repeats (95% interval of the median paired difference):");
        for (StrategySummary s : active) {
            v.append(' ').append(s.strategy()).append(": ")
                    .append(clause(s.vsRandomAp90(), "AP 0.90")).append("; ")
                    .append(clause(s.vsRandomAp95(), "AP 0.95")).append('.');
        }
        return v.toString();
    }

    /** "AP 0.90 fewer labels than random (median -145.5 labels, -281 to -10, Wilcoxon p 0.007812)". */
    static String clause(PairedDifference p, String target) {
        if (p == null) {
            return target + " not compared (no repeat in common with random)";
        }
        MedianBootstrap d = p.difference();
        return target + " " + p.findingText() + " (median " + signed(d.median()) + " labels, "
                + signed(d.low()) + " to " + signed(d.high()) + ", Wilcoxon p " + NumberText.pValue(p.wilcoxonP())
                + ")";
    }

    /** A labels difference with its sign: "+3", "0", "−145.5". */
    static String signed(double v) {
        if (v > 0) {
            return "+" + NumberText.labels(v);
        }
        return v < 0 ? "\u2212" + NumberText.labels(-v) : "0";
    }
}
