package org.cellactive.experiment.report;

/**
 * One active strategy against random at one AP target, repeat by repeat: the verdict with its
 * uncertainty (PROTOCOL.md, "Summary over repeats").
 *
 * <p>Every strategy of a repeat shares that repeat's test set, pool and seed set, so the labels
 * each needed to reach the target are paired by repeat. Per repeat the difference is
 * {@code strategy - random}; a repeat that never reached the target counts as {@code pool size + 1}
 * labels (one more than the pool could ever give), so that "never" ranks above every real count
 * and a difference can still be taken. Negative = the strategy needed fewer labels.
 *
 * <p>The rule ({@link #finding}): "fewer labels than random" only when the 95% bootstrap interval
 * of the median difference lies entirely below 0 <em>and</em> the exact Wilcoxon signed-rank test
 * rejects "no difference" at 5%; "more labels than random" when the interval lies entirely above 0
 * and the test rejects; otherwise "no difference shown". The interval is what the report shows
 * and what PROTOCOL.md asks for (the median's uncertainty, in labels). But a percentile bootstrap
 * cannot see how few repeats it resamples: with 3 repeats all below 0 every resampled median is
 * below 0, yet 3 of 3 below 0 happens by chance one time in four. The exact signed-rank test has
 * its stated 5% error at any number of repeats, ties included, and cannot reject with fewer than 6
 * nonzero differences; requiring it too keeps a small or heavily tied run from claiming a
 * difference. See docs/protocol.md.
 *
 * @param target     the AP target, e.g. 0.90
 * @param repeats    repeats run by both the strategy and random (the pairs)
 * @param difference median of the per-repeat differences (labels) with its bootstrap interval
 * @param wilcoxonP  exact two-sided Wilcoxon signed-rank p-value of the differences
 * @param finding    the verdict read from the interval and the test
 */
public record PairedDifference(double target, int repeats, MedianBootstrap difference, double wilcoxonP,
                               Finding finding) {

    /** The significance level of the verdict. */
    public static final double ALPHA = 0.05;

    /** What the paired comparison shows. */
    public enum Finding {
        FEWER("fewer labels than random"),
        MORE("more labels than random"),
        NO_DIFFERENCE("no difference shown");

        private final String text;

        Finding(String text) {
            this.text = text;
        }

        /** The words of summary.csv and the report. */
        public String text() {
            return text;
        }
    }

    /**
     * The paired comparison of per-repeat labels to the target.
     *
     * @param target    the AP target
     * @param strategy  labels the strategy needed, per repeat ({@code +Infinity} = never reached)
     * @param random    labels random needed in the same repeats, same order
     * @param poolSize  the pool size of every repeat; "never reached" counts as poolSize + 1
     */
    public static PairedDifference of(double target, double[] strategy, double[] random, int poolSize) {
        if (strategy.length != random.length || strategy.length == 0) {
            throw new IllegalArgumentException("paired comparison needs the same, nonzero number of repeats on both"
                    + " sides; got " + strategy.length + " and " + random.length);
        }
        double[] d = new double[strategy.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = labelsOrNever(strategy[i], poolSize) - labelsOrNever(random[i], poolSize);
        }
        MedianBootstrap m = MedianBootstrap.of(d);
        double p = WilcoxonSignedRank.twoSidedP(d);
        return new PairedDifference(target, d.length, m, p, finding(m, p));
    }

    /** The rule: interval entirely on one side of 0 and the signed-rank test below {@link #ALPHA}. */
    static Finding finding(MedianBootstrap m, double wilcoxonP) {
        if (wilcoxonP < ALPHA && m.high() < 0) {
            return Finding.FEWER;
        }
        if (wilcoxonP < ALPHA && m.low() > 0) {
            return Finding.MORE;
        }
        return Finding.NO_DIFFERENCE;
    }

    /** "fewer labels than random", or "no difference shown at 20 repeats". */
    public String findingText() {
        return finding == Finding.NO_DIFFERENCE
                ? finding.text() + " at " + repeats + (repeats == 1 ? " repeat" : " repeats")
                : finding.text();
    }

    private static double labelsOrNever(double labels, int poolSize) {
        if (Double.isInfinite(labels)) {
            return poolSize + 1;
        }
        if (Double.isNaN(labels) || labels > poolSize) {
            throw new IllegalArgumentException("labels to target " + labels + " is not a count within the pool of "
                    + poolSize + " cells");
        }
        return labels;
    }
}
