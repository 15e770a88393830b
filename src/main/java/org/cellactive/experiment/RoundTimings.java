package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Wall times of the three steps of every round (fit, scan, test-set evaluation), collected
 * from all concurrent loops, summarised as median and p90. Thread-safe.
 */
public final class RoundTimings {

    private final List<double[]> rounds = new ArrayList<>();

    /**
     * Records one round: milliseconds of fit, scan (0 when the round asked nothing) and
     * evaluation, and the L-BFGS iterations of the fit (each one a Spark job).
     */
    public synchronized void add(double fitMs, double scanMs, double evalMs, int fitIterations) {
        rounds.add(new double[] {fitMs, scanMs, evalMs, fitIterations});
    }

    public synchronized int count() {
        return rounds.size();
    }

    /** "fit_ms_median" etc. for fit, scan (rounds that scanned) and eval, plus the round count. */
    public synchronized LinkedHashMap<String, String> summary() {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put("rounds", Integer.toString(rounds.size()));
        String[] names = {"fit", "scan", "eval"};
        for (int step = 0; step < 3; step++) {
            final int s = step;
            double[] v = rounds.stream().mapToDouble(r -> r[s]).filter(x -> s != 1 || x > 0).sorted().toArray();
            m.put(names[s] + "_ms_median", format(quantile(v, 0.5)));
            m.put(names[s] + "_ms_p90", format(quantile(v, 0.9)));
            m.put(names[s] + "_ms_total", format(Arrays.stream(v).sum()));
        }
        double[] it = rounds.stream().mapToDouble(r -> r[3]).sorted().toArray();
        m.put("fit_iterations_median", format(quantile(it, 0.5)));
        m.put("fit_iterations_p90", format(quantile(it, 0.9)));
        return m;
    }

    /** Nearest-rank quantile of sorted values; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
