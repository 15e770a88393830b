package org.cellactive.experiment.report;

import java.util.Arrays;

/**
 * Sample quantiles with linear interpolation between order statistics (Hyndman and Fan
 * type 7, the default of numpy and pandas), so that summary.csv agrees with the notebook.
 *
 * <p>Values may be {@code +Infinity}, which stands for "not reached". Any quantile whose
 * interpolation touches an infinite value is infinite: a median that lies between a repeat
 * that reached the target and one that never did is itself "not reached".
 */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The p-quantile of {@code values} (which is not modified).
     *
     * @param values at least one value, none NaN; {@code +Infinity} allowed
     * @param p      in [0, 1]
     */
    public static double of(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability outside [0, 1]: " + p);
        }
        double[] sorted = values.clone();
        for (double v : sorted) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("quantile of a sample holding NaN");
            }
        }
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        double frac = h - lo;
        if (frac == 0 || lo + 1 >= sorted.length) {
            return sorted[lo];
        }
        if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[lo + 1])) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
