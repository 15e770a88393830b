package org.cellactive.experiment.report;

/**
 * One strategy's results over all repeats of a run: one row of summary.csv.
 * See {@link LearningCurveSummary} for how each value is computed.
 *
 * @param strategy   strategy name
 * @param repeats    number of repeats
 * @param toAp90     labels needed to first reach AP &ge; 0.90
 * @param toAp95     labels needed to first reach AP &ge; 0.95
 * @param apAt25     mean AP at the 25-label budget with its 95% t-interval; null when no repeat
 *                   had a round at 25 labels or fewer while running to 25 labels or more
 * @param finalApMean mean over repeats of the AP of the last round
 * @param aulcMean   mean over repeats of the area under the learning curve (the mean AP over rounds)
 * @param savingsAp90 median labels random needs for AP 0.90 / median labels this strategy needs;
 *                   NaN when either is not reached or no "random" strategy was run
 * @param savingsAp95 the same for AP 0.95
 * @param vsRandomAp90 labels to AP 0.90 against random, paired by repeat ({@link PairedDifference});
 *                   null for random itself and when no "random" strategy was run
 * @param vsRandomAp95 the same for AP 0.95
 */
public record StrategySummary(String strategy, int repeats, LabelsToTarget toAp90, LabelsToTarget toAp95,
                              MeanInterval apAt25, double finalApMean, double aulcMean,
                              double savingsAp90, double savingsAp95,
                              PairedDifference vsRandomAp90, PairedDifference vsRandomAp95) {
}
