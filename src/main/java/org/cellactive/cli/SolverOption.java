package org.cellactive.cli;

import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Solver;
import picocli.CommandLine.Option;

/** {@code --solver}, shared by every command that fits a model (a picocli mixin). */
public final class SolverOption {
    @Option(names = "--solver", defaultValue = "auto", paramLabel = "auto|driver|spark",
            description = "Where the model is fitted: driver (MLlib's objective and optimizer in the driver JVM, no Spark"
                    + " job), spark (LogisticRegression.fit), or auto (driver up to " + Solver.AUTO_DRIVER_LIMIT
                    + " labelled rows x coefficients, spark above; default: ${DEFAULT-VALUE}).")
    String name = "auto";

    /** @throws UsageException for an unknown name (exit code 64, not an input error) */
    public Solver solver() {
        try {
            return Solver.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--solver: " + e.getMessage());
        }
    }

    /** MLlib's defaults with this solver. */
    public LearnerParams learner() {
        return LearnerParams.DEFAULTS.withSolver(solver());
    }
}
