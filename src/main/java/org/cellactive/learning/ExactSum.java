package org.cellactive.learning;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum of doubles that does not depend on the order they are added in: the exact sum is kept as
 * non-overlapping partials (Shewchuk's "grow expansion"), and {@link #value()} rounds it once,
 * to nearest, ties to even. It is Python's {@code math.fsum}, and lets a sum over a Spark RDD give
 * the same bits however the rows are partitioned and in whatever order partial sums are merged.
 *
 * <p>Non-finite terms are summed apart (their sum is order-independent too: NaN absorbs, and
 * opposite infinities give NaN); if there is any, it is the result. Finite terms whose running
 * sum leaves the double range give an infinity or NaN, as a plain sum would (which one may then
 * depend on the order).
 *
 * <p>Costs a few times a plain {@code +=}: the partials of typical data number two to four.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private double[] partials = new double[4];
    private int size;
    private double special;
    private boolean anySpecial;

    /** Adds {@code x} exactly. */
    public ExactSum add(double x) {
        if (!Double.isFinite(x)) {
            special = anySpecial ? special + x : x;
            anySpecial = true;
            return this;
        }
        int i = 0;
        for (int j = 0; j < size; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        size = i;
        if (x != 0) {
            if (!Double.isFinite(x)) {
                // The exact sum left the double range: as a plain sum would, give up on exactness.
                special = anySpecial ? special + x : x;
                anySpecial = true;
                size = 0;
                return this;
            }
            if (size == partials.length) {
                partials = Arrays.copyOf(partials, 2 * size);
            }
            partials[size++] = x;
        }
        return this;
    }

    /** Adds everything {@code other} holds, exactly; {@code other} is unchanged. */
    public ExactSum merge(ExactSum other) {
        for (int j = 0; j < other.size; j++) {
            add(other.partials[j]);
        }
        if (other.anySpecial) {
            add(other.special);
        }
        return this;
    }

    /** The exact sum rounded to the nearest double (ties to even); 0 for no terms. */
    public double value() {
        if (anySpecial) {
            return special;
        }
        int n = size;
        if (n == 0) {
            return 0.0;
        }
        double hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0) {
                break;
            }
        }
        // hi + lo is the sum to within the partials below; if lo is exactly half an ulp of hi,
        // the partials below decide the direction of the rounding.
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }
}
