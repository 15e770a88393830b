package org.cellactive.learning;

import java.util.Locale;

/**
 * Where a round's logistic regression is solved. Both minimise the same objective, the one
 * MLlib's {@code LogisticRegression} minimises, from the same start, with the same optimizer
 * (Breeze's L-BFGS, or OWL-QN when there is an L1 term): they differ only in where the loss
 * and its gradient are summed.
 */
public enum Solver {
    /** {@link #DRIVER} while labelled rows × coefficients ≤ {@link #AUTO_DRIVER_LIMIT}, {@link #SPARK} above. */
    AUTO,
    /** In the driver JVM, on the labelled rows it already holds: no Spark job. */
    DRIVER,
    /** MLlib's {@code LogisticRegression.fit}: one Spark job per L-BFGS iteration, plus a fixed ~150 ms. */
    SPARK;

    /**
     * Labelled rows × coefficients up to which {@link #AUTO} solves on the driver. Measured with
     * {@code benchmark-fit} (docs/benchmarks.md §"The driver solver"): on 2 cores the two cost the
     * same at about 10⁸ row-coefficients, where the driver's single-threaded sums become as slow as
     * Spark's fixed cost plus its parallel ones. The bound is set below that, where the driver's copy of the
     * labelled rows is also still small (≈ 8 bytes a row-coefficient).
     */
    public static final long AUTO_DRIVER_LIMIT = 1L << 24;

    /** The solver {@link #AUTO} picks for a problem of this size; DRIVER and SPARK pick themselves. */
    public Solver resolve(long rows, long coefficients) {
        if (this != AUTO) {
            return this;
        }
        return rows * coefficients <= AUTO_DRIVER_LIMIT ? DRIVER : SPARK;
    }

    /** The command-line name: {@code auto}, {@code driver} or {@code spark}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name, naming the accepted ones on error. */
    public static Solver parse(String name) {
        for (Solver s : values()) {
            if (s.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown solver '" + name + "'; known: auto, driver, spark");
    }
}
