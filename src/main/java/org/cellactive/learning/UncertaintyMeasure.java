package org.cellactive.learning;

/**
 * The classic uncertainty measures over class probabilities, for any number of classes.
 * Each returns a score where higher means more uncertain. For two classes all three rank
 * cells the same way (by closeness of p to 0.5).
 */
public enum UncertaintyMeasure {
    /** 1 - max p. */
    LEAST_CONFIDENT("least-confident"),
    /** -(p(1st) - p(2nd)): the smallest margin scores highest. */
    MARGIN("margin"),
    /** -sum p ln p, with 0 ln 0 = 0. */
    ENTROPY("entropy");

    private final String cliName;

    UncertaintyMeasure(String cliName) {
        this.cliName = cliName;
    }

    /** The command-line name, e.g. {@code least-confident}. */
    public String cliName() {
        return cliName;
    }

    public double score(double[] p) {
        switch (this) {
            case LEAST_CONFIDENT: {
                double max = 0;
                for (double v : p) {
                    max = Math.max(max, v);
                }
                return 1 - max;
            }
            case MARGIN: {
                double first = Double.NEGATIVE_INFINITY;
                double second = Double.NEGATIVE_INFINITY;
                for (double v : p) {
                    if (v > first) {
                        second = first;
                        first = v;
                    } else if (v > second) {
                        second = v;
                    }
                }
                return -(first - second);
            }
            default: {
                double h = 0;
                for (double v : p) {
                    if (v > 0) {
                        h -= v * Math.log(v);
                    }
                }
                return h;
            }
        }
    }
}
