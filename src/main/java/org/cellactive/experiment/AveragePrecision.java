package org.cellactive.experiment;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Non-interpolated average precision, as scikit-learn's {@code average_precision_score}
 * defines it: AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score thresholds in decreasing
 * order, with R₀ = 0. Tied scores form one threshold, so their order never matters.
 * It is computed from scores (probabilities), never from hard 0/1 predictions, and it
 * is not the trapezoid area under the precision-recall curve.
 */
public final class AveragePrecision {

    private AveragePrecision() {
    }

    /**
     * @param scores   score of the positive class per example (higher = more positive)
     * @param positive true class per example
     * @return AP in [0, 1], or NaN when there is no positive example (recall is undefined)
     */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("average precision: " + scores.length + " scores but "
                    + positive.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        int totalPositives = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("average precision: score " + i + " is NaN");
            }
            if (positive[i]) {
                totalPositives++;
            }
        }
        if (totalPositives == 0) {
            return Double.NaN;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double ap = 0;
        int tp = 0;
        int seen = 0;
        double previousRecall = 0;
        for (int i = 0; i < n; i++) {
            int idx = order[i];
            seen++;
            if (positive[idx]) {
                tp++;
            }
            boolean lastOfThreshold = i == n - 1 || scores[order[i + 1]] != scores[idx];
            if (lastOfThreshold) {
                double recall = (double) tp / totalPositives;
                double precision = (double) tp / seen;
                ap += (recall - previousRecall) * precision;
                previousRecall = recall;
            }
        }
        return ap;
    }

    /**
     * Macro one-vs-rest AP: the mean over classes of the AP of "class c" against the rest,
     * scored by p(c). Classes absent from {@code truth} are skipped (their AP is undefined).
     *
     * @param probabilities per example, one probability per class
     * @param truth         class index per example
     */
    public static double macroOneVsRest(double[][] probabilities, int[] truth, int numClasses) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < numClasses; c++) {
            double[] s = new double[truth.length];
            boolean[] pos = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                s[i] = probabilities[i][c];
                pos[i] = truth[i] == c;
            }
            double ap = of(s, pos);
            if (!Double.isNaN(ap)) {
                sum += ap;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
