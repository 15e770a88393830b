package org.cellactive.experiment.report;

/**
 * One point of a strategy's mean learning curve: the AP over the repeats that had a round
 * with exactly this many labels, with its 95% t-interval ({@link MeanInterval}).
 *
 * @param labels number of labelled cells
 * @param ap     mean AP over those repeats, with its interval
 */
public record BandPoint(int labels, MeanInterval ap) {
}
