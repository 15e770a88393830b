package org.cellactive.learning;

import java.io.Serializable;

/**
 * Per-feature mean and standard deviation of a pool, for distances in standardized
 * feature space. A constant feature gets a scale of 1 so it adds nothing to a distance.
 */
public record FeatureScale(double[] mean, double[] std) implements Serializable {

    /** Squared Euclidean distance between {@code a} and {@code b} after standardizing both. */
    public double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] - b[i]) / std[i];
            sum += d * d;
        }
        return sum;
    }

    /** Mean and population standard deviation from running sums. */
    static FeatureScale fromMoments(long n, double[] sum, double[] sumSquares) {
        double[] mean = new double[sum.length];
        double[] std = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = n == 0 ? 0 : sum[i] / n;
            double variance = n == 0 ? 0 : Math.max(0, sumSquares[i] / n - mean[i] * mean[i]);
            double s = Math.sqrt(variance);
            std[i] = s > 1e-12 * Math.max(1, Math.abs(mean[i])) ? s : 1;
        }
        return new FeatureScale(mean, std);
    }
}
