package org.cellactive.experiment.report;

/**
 * How many labels one strategy needed to first reach a target AP, over the repeats.
 * A repeat that never reached the target counts as "not reached" ({@code +Infinity}),
 * never as 0; see {@link Quantiles} for how that enters the median and quartiles.
 *
 * @param target       the AP target, e.g. 0.90
 * @param median       median labels over repeats; {@code +Infinity} = not reached
 * @param q1           first quartile; {@code +Infinity} = not reached
 * @param q3           third quartile; {@code +Infinity} = not reached
 * @param neverReached number of repeats that never reached the target
 * @param repeats      number of repeats
 */
public record LabelsToTarget(double target, double median, double q1, double q3, int neverReached, int repeats) {

    /** Summarises per-repeat labels-to-target values ({@code +Infinity} = that repeat never reached it). */
    public static LabelsToTarget of(double target, double[] perRepeat) {
        int never = 0;
        for (double v : perRepeat) {
            if (Double.isInfinite(v)) {
                never++;
            }
        }
        return new LabelsToTarget(target, Quantiles.of(perRepeat, 0.5), Quantiles.of(perRepeat, 0.25),
                Quantiles.of(perRepeat, 0.75), never, perRepeat.length);
    }

    /** True when the median repeat reached the target. */
    public boolean medianReached() {
        return Double.isFinite(median);
    }
}
