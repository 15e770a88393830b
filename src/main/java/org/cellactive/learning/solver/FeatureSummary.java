package org.cellactive.learning.solver;

/**
 * The column statistics MLlib's {@code LogisticRegression} takes before it optimises: the mean,
 * the unbiased standard deviation and the label histogram, computed as MLlib's
 * {@code SummarizerBuffer} computes them (unit weights; a running mean and sum of squared
 * deviations over the non-zero values, then the zeros accounted for at the end). Following its
 * arithmetic matters where it decides: a column whose deviation comes out exactly 0 is dropped
 * from the model, and a near-constant one is scaled by its deviation.
 *
 * @param mean      per column
 * @param std       per column; exactly 0 for a constant column
 * @param histogram count per label index, of length (largest label + 1), as MLlib's
 */
record FeatureSummary(double[] mean, double[] std, double[] histogram) {

    /** {@code x} is row-major, n rows of d columns; {@code labels} are class indices. */
    static FeatureSummary of(double[] x, int n, int d, int[] labels) {
        double[] currMean = new double[d];
        double[] currM2n = new double[d];
        double[] weightSum = new double[d];
        int maxLabel = 0;
        for (int label : labels) {
            maxLabel = Math.max(maxLabel, label);
        }
        double[] histogram = new double[maxLabel + 1];
        for (int i = 0; i < n; i++) {
            histogram[labels[i]] += 1.0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double value = x[row + j];
                if (value != 0.0) {
                    double prevMean = currMean[j];
                    double diff = value - prevMean;
                    currMean[j] = prevMean + diff / (weightSum[j] + 1.0);
                    currM2n[j] += (value - currMean[j]) * diff;
                    weightSum[j] += 1.0;
                }
            }
        }
        double total = n;
        double[] mean = new double[d];
        double[] std = new double[d];
        double denominator = total - (total / total);
        for (int j = 0; j < d; j++) {
            mean[j] = currMean[j] * (weightSum[j] / total);
            if (denominator > 0.0) {
                double variance = Math.max((currM2n[j] + currMean[j] * currMean[j] * weightSum[j]
                        * (total - weightSum[j]) / total) / denominator, 0.0);
                std[j] = Math.sqrt(variance);
            }
        }
        return new FeatureSummary(mean, std, histogram);
    }

    /** How many label indices occur at least once. */
    int labelsPresent() {
        int present = 0;
        for (double h : histogram) {
            if (h != 0.0) {
                present++;
            }
        }
        return present;
    }
}
