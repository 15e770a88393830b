package org.cellactive.experiment.report;

import java.util.Arrays;
import java.util.Random;

/**
 * The median of a sample with a seeded 95% percentile-bootstrap interval: resample the values
 * with replacement {@link #RESAMPLES} times, take each resample's median, and report the 2.5% and
 * 97.5% quantiles of those medians (type 7, {@link Quantiles}).
 *
 * <p>The generator is {@link java.util.Random} with the fixed seed {@link #SEED}: its algorithm is
 * fixed by the Java specification, so the same differences give the same interval on every JVM
 * and every re-run, and a report can be reproduced exactly.
 *
 * @param n      number of values
 * @param median their median (type 7)
 * @param low    2.5% quantile of the resampled medians
 * @param high   97.5% quantile of the resampled medians
 */
public record MedianBootstrap(int n, double median, double low, double high) {

    public static final int RESAMPLES = 10_000;
    public static final long SEED = 20_260_412L;

    /** The median of {@code values} (at least one, all finite) and its bootstrap interval. */
    public static MedianBootstrap of(double[] values) {
        return of(values, RESAMPLES, SEED);
    }

    static MedianBootstrap of(double[] values, int resamples, long seed) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of an empty sample");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("bootstrap of a sample holding " + v);
            }
        }
        int n = values.length;
        Random random = new Random(seed);
        double[] medians = new double[resamples];
        double[] resample = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                resample[i] = values[random.nextInt(n)];
            }
            Arrays.sort(resample);
            medians[b] = (resample[(n - 1) / 2] + resample[n / 2]) / 2;
        }
        return new MedianBootstrap(n, Quantiles.of(values, 0.5), Quantiles.of(medians, 0.025),
                Quantiles.of(medians, 0.975));
    }
}
