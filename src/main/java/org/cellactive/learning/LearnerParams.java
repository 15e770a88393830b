package org.cellactive.learning;

import java.util.LinkedHashMap;

/**
 * The settings of the MLlib {@code LogisticRegression} the loop refits each round. They are
 * the same for every strategy of a run and are recorded in every output.
 *
 * @param regParam        L2 (and L1, see elasticNetParam) penalty; default {@value #DEFAULT_REG_PARAM}.
 *                        Not 0: on separable classes an unpenalised fit never converges.
 * @param elasticNetParam mix of L1 (1) and L2 (0); default 0
 * @param maxIter         L-BFGS iteration limit; default {@value #DEFAULT_MAX_ITER}
 * @param tol             convergence tolerance; default {@value #DEFAULT_TOL}
 * @param standardization fit on standardized features (coefficients are reported unstandardized); default true
 * @param fitIntercept    fit an intercept; default true
 * @param warmStart       start each refit from the previous round's model (setInitialModel); default true
 * @param solver          where the objective is minimised ({@link Solver}); default {@link Solver#AUTO}
 */
public record LearnerParams(double regParam, double elasticNetParam, int maxIter, double tol,
                            boolean standardization, boolean fitIntercept, boolean warmStart, Solver solver) {

    public static final double DEFAULT_REG_PARAM = 0.01;
    public static final int DEFAULT_MAX_ITER = 100;
    public static final double DEFAULT_TOL = 1e-6;

    public static final LearnerParams DEFAULTS =
            new LearnerParams(DEFAULT_REG_PARAM, 0.0, DEFAULT_MAX_ITER, DEFAULT_TOL, true, true, true, Solver.AUTO);

    public LearnerParams {
        if (!(regParam >= 0) || !(elasticNetParam >= 0 && elasticNetParam <= 1) || maxIter < 1 || !(tol >= 0)) {
            throw new IllegalArgumentException("learner: need regParam >= 0, 0 <= elasticNetParam <= 1, maxIter >= 1,"
                    + " tol >= 0; got " + this);
        }
        if (solver == null) {
            throw new IllegalArgumentException("learner: solver must be auto, driver or spark");
        }
    }

    /** The same settings with another solver. */
    public LearnerParams withSolver(Solver other) {
        return new LearnerParams(regParam, elasticNetParam, maxIter, tol, standardization, fitIntercept, warmStart,
                other);
    }

    /** The settings as named strings, for manifests and reports. */
    public LinkedHashMap<String, String> describe() {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put("learner", "org.apache.spark.ml.classification.LogisticRegression");
        m.put("regParam", Double.toString(regParam));
        m.put("elasticNetParam", Double.toString(elasticNetParam));
        m.put("maxIter", Integer.toString(maxIter));
        m.put("tol", Double.toString(tol));
        m.put("standardization", Boolean.toString(standardization));
        m.put("fitIntercept", Boolean.toString(fitIntercept));
        m.put("warmStart", Boolean.toString(warmStart));
        m.put("solver", solver.cliName());
        return m;
    }
}
