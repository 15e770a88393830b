package org.cellactive.experiment;

import org.cellactive.learning.ClassLabels;

/**
 * A model's scores on the test set: average precision (positive class = index 1 for two
 * classes, macro one-vs-rest for more), accuracy and balanced accuracy of the predicted
 * class (the most probable one; ties go to the lower class index, as in MLlib).
 */
public record TestScores(double ap, double accuracy, double balancedAccuracy) {

    /**
     * @param probabilities per test cell, one probability per class
     * @param truth         true class index per test cell
     */
    public static TestScores of(double[][] probabilities, int[] truth, int numClasses) {
        int n = truth.length;
        if (probabilities.length != n || n == 0) {
            throw new IllegalArgumentException("test scores: " + probabilities.length + " predictions for "
                    + n + " true labels");
        }
        int[] perClass = new int[numClasses];
        int[] hitsPerClass = new int[numClasses];
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int predicted = ClassLabels.predicted(probabilities[i]);
            perClass[truth[i]]++;
            if (predicted == truth[i]) {
                hits++;
                hitsPerClass[truth[i]]++;
            }
        }
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < numClasses; c++) {
            if (perClass[c] > 0) {
                recallSum += (double) hitsPerClass[c] / perClass[c];
                present++;
            }
        }
        double ap;
        if (numClasses == 2) {
            double[] s = new double[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = probabilities[i][1];
                pos[i] = truth[i] == 1;
            }
            ap = AveragePrecision.of(s, pos);
        } else {
            ap = AveragePrecision.macroOneVsRest(probabilities, truth, numClasses);
        }
        return new TestScores(ap, (double) hits / n, recallSum / present);
    }
}
