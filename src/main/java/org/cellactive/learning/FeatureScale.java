package org.cellactive.learning;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-feature mean and standard deviation of a pool, for distances in standardized
 * feature space. A constant feature gets a scale of 1 so it adds nothing to a distance.
 *
 * <p>A value: it copies the arrays it is given and the arrays it hands out, and compares by
 * their contents.
 */
public record FeatureScale(double[] mean, double[] std) implements Serializable {

    public FeatureScale {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("feature scale: " + mean.length + " means and " + std.length + " deviations");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** A copy of the means. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the standard deviations. */
    @Override
    public double[] std() {
        return std.clone();
    }

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

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureScale s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "FeatureScale[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
