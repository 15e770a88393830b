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
     * {@code benchmark-fit} (docs/benchmarks.md §2): on 2 cores the driver was faster at every size
     * tried, 465× at 300 rows and still 53× at 300,000 rows × 16 coefficients (4.8 M), because the
     * rows are already on the driver and {@code LogisticRegression.fit} must first ship them to a
     * task. No crossover was reached; the bound is where the driver's two copies of the rows (raw and
     * scaled, 16 bytes a row-coefficient) reach ~256 MiB, beyond which a cluster's parallel sums and
     * the driver's heap argue for Spark.
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
