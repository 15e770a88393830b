package org.cellactive.experiment.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The report's one-line answer to "did active learning save labels here?", computed from
 * the medians of labels to AP &ge; 0.90 ({@link LearningCurveSummary}) and nothing else.
 *
 * <p>In order: if every strategy's median repeat reached AP 0.90 on the seed set itself, the
 * features separate the classes and there is nothing to save; without a "random" strategy or
 * without an active one there is no comparison; otherwise the best active strategy (lowest
 * median, then highest AULC) beats random only when its median is strictly lower, or when it
 * reaches the target and random's median repeat does not.
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
        Optional<StrategySummary> random = summaries.stream()
                .filter(s -> s.strategy().equals(LearningCurveSummary.RANDOM)).findFirst();
        Optional<StrategySummary> best = bestActive(summaries);
        if (random.isEmpty()) {
            return "No random baseline was run, so this run cannot say whether active learning saves labels.";
        }
        if (best.isEmpty()) {
            return "Only random sampling was run, so this run cannot say whether active learning saves labels.";
        }
        LabelsToTarget r = random.get().toAp90();
        LabelsToTarget a = best.get().toAp90();
        String name = best.get().strategy();
        if (a.medianReached() && !r.medianReached()) {
            return "Active learning (" + name + ") reached AP 0.90 with a median of " + NumberText.labels(a.median())
                    + " labels, while random sampling did not reach it in most repeats (" + r.neverReached()
                    + " of " + r.repeats() + " never did).";
        }
        if (a.medianReached() && a.median() < r.median()) {
            return "Active learning (" + name + ") reached AP 0.90 with a median of " + NumberText.labels(a.median())
                    + " labels vs " + NumberText.labels(r.median()) + " at random ("
                    + NumberText.ratio(r.median() / a.median()) + "\u00d7 fewer labels).";
        }
        if (!a.medianReached() && !r.medianReached()) {
            return "Active learning did not beat random on this setting: neither the best active strategy ("
                    + name + ") nor random sampling reached AP 0.90 in most repeats.";
        }
        if (!a.medianReached()) {
            return "Active learning did not beat random on this setting: the best active strategy (" + name
                    + ") did not reach AP 0.90 in most repeats, random sampling did with a median of "
                    + NumberText.labels(r.median()) + " labels.";
        }
        return "Active learning did not beat random on this setting: the best active strategy (" + name
                + ") needed a median of " + NumberText.labels(a.median()) + " labels to reach AP 0.90 vs "
                + NumberText.labels(r.median()) + " at random.";
    }
}
