package org.cellactive.experiment.report;

import java.util.Locale;

/** How the report writes its numbers, the same way in summary.csv and report.html. */
public final class NumberText {

    /** The text of a labels count that the median (or a quartile) repeat never reached. */
    public static final String NOT_REACHED = "not reached";

    private NumberText() {
    }

    /** A labels count: "20", "20.5", or {@link #NOT_REACHED} for +Infinity. */
    public static String labels(double v) {
        if (Double.isInfinite(v)) {
            return NOT_REACHED;
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return trim(String.format(Locale.ROOT, "%.2f", v));
    }

    /** An AP or another score, four decimals; empty for NaN (not available). */
    public static String score(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A ratio such as label savings, two decimals; empty for NaN (not available). */
    public static String ratio(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * A p-value to four significant digits, never in exponent form: "0.03125", "0.0001907", "1";
     * empty for NaN. Exact p-values can be tiny, so fixed decimals would print them as 0.
     */
    public static String pValue(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String trim(String s) {
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
