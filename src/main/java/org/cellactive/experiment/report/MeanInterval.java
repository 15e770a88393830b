package org.cellactive.experiment.report;

/**
 * A sample mean with the half-width of its two-sided 95% Student-t confidence interval,
 * {@code t(0.975, n-1) * sd / sqrt(n)}, sd being the sample standard deviation (n-1).
 *
 * <p>A t-interval rather than {@code 1.96 * sd / sqrt(n)}: runs often have few repeats
 * (3 to 20), where the normal quantile gives a band that is too narrow (by 7% at 20
 * repeats, by half at 3). With one value the half-width is NaN: there is no spread to
 * estimate, and the report shows no band rather than a false zero-width one.
 *
 * @param n         number of values
 * @param mean      their mean
 * @param halfWidth half-width of the 95% interval of the mean; NaN when n &lt; 2
 */
public record MeanInterval(int n, double mean, double halfWidth) {

    /** t(0.975, df) for df = 1..30 (df 0 unused). */
    private static final double[] T975 = {
        Double.NaN, 12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423
    };
    private static final double Z975 = 1.959963984540054;

    /** The mean and 95% t-interval of {@code values} (at least one, all finite). */
    public static MeanInterval of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("mean of an empty sample");
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("mean of a sample holding " + v);
            }
            sum += v;
        }
        int n = values.length;
        double mean = sum / n;
        if (n < 2) {
            return new MeanInterval(n, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new MeanInterval(n, mean, t975(n - 1) * sd / Math.sqrt(n));
    }

    /**
     * The 0.975 quantile of Student's t with {@code df} degrees of freedom: a table up to 30,
     * beyond it the Cornish-Fisher expansion, which is within 1e-4 there.
     */
    public static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1: " + df);
        }
        if (df < T975.length) {
            return T975[df];
        }
        double z = Z975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double v = df;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
    }

    /** Lower end of the interval (the mean when there is no interval). */
    public double lower() {
        return Double.isNaN(halfWidth) ? mean : mean - halfWidth;
    }

    /** Upper end of the interval (the mean when there is no interval). */
    public double upper() {
        return Double.isNaN(halfWidth) ? mean : mean + halfWidth;
    }
}
