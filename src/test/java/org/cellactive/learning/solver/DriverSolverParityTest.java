package org.cellactive.learning.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Solver;
import org.cellactive.learning.SyntheticCells;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof that the driver solver minimises what MLlib minimises: over the grid of family ×
 * standardization × fitIntercept × regParam × elasticNet, every probability the driver's model
 * predicts, on the training rows and on held-out rows, is within 1e-6 of what
 * {@code LogisticRegression.fit}'s model predicts, both run to tol 1e-10 and maxIter 1000: on
 * synthetic data for the whole grid, and on real BCCD features wherever there is an intercept.
 *
 * <p>BCCD without an intercept is the exception, and it is MLlib's as much as ours: its intensity
 * features are all positive, so without the centring an intercept allows, the standardized
 * problem is badly conditioned; L-BFGS (in MLlib and here) stops on a failed line search before
 * tol, each run at its own point of a flat valley, with probabilities up to a few 1e-2 apart.
 * There the test holds the two objectives to 1% of each other, and prints both. With an intercept
 * the same can happen, far more mildly, at a point or two of the multinomial grid: both runs end at
 * the same objective value (to 1e-9 of it) with probabilities about 1e-6 apart. The test accepts
 * that, up to 1e-4, only with the objectives equal to 1e-9, and prints each such point.
 */
class DriverSolverParityTest {

    private static final double TOLERANCE = 1e-6;
    /** Where both solvers reach the same objective value but its floor is flat (see the class comment). */
    private static final double FLAT_FLOOR_TOLERANCE = 1e-4;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SyntheticCells.session("DriverSolverParityTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void binomialOnBccdAgreesWithMllib() throws IOException {
        List<String> classes = List.of("RBC", "WBC");
        grid(LabelledRows.bccd(classes, LabelledRows.BCCD_COLUMNS, 250, 200, 3), classes, true);
    }

    @Test
    void multinomialOnBccdAgreesWithMllib() throws IOException {
        List<String> classes = List.of("RBC", "WBC", "Platelets");
        grid(LabelledRows.bccd(classes, LabelledRows.BCCD_COLUMNS, 250, 200, 4), classes, true);
    }

    @Test
    void binomialOnSyntheticDataAgreesWithMllib() {
        grid(LabelledRows.synthetic(2, 4, 80, 100, 5), List.of("a", "b"), false);
    }

    @Test
    void multinomialOnSyntheticDataAgreesWithMllib() {
        grid(LabelledRows.synthetic(3, 4, 90, 100, 6), List.of("a", "b", "c"), false);
    }

    /** One point of the grid and what it found. */
    private record Outcome(String at, double deviation, String failure) {
    }

    /** @param objectiveOnlyWithoutIntercept compare objectives, not probabilities, when fitIntercept is off */
    private static void grid(LabelledRows.Split data, List<String> names, boolean objectiveOnlyWithoutIntercept) {
        ClassLabels classes = new ClassLabels(names);
        List<LearnerParams> points = new ArrayList<>();
        for (boolean standardization : new boolean[] {true, false}) {
            for (boolean fitIntercept : new boolean[] {true, false}) {
                for (double regParam : new double[] {0.001, 0.01, 1}) {
                    for (double elasticNet : new double[] {0, 0.5}) {
                        points.add(new LearnerParams(regParam, elasticNet, 1000, 1e-10, standardization,
                                fitIntercept, false, Solver.SPARK));
                    }
                }
            }
        }
        // Spark's cost here is per job, mostly waiting: three fits at once keep both cores busy.
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (LearnerParams p : points) {
                boolean byObjective = objectiveOnlyWithoutIntercept && !p.fitIntercept();
                futures.add(threads.submit(() -> compare(data, classes, p, byObjective)));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
        Outcome worst = outcomes.stream().max(Comparator.comparingDouble(Outcome::deviation)).orElseThrow();
        System.out.printf(Locale.ROOT, "parity %s, %d train rows, %d held out: worst probability deviation %.3g at %s%n",
                names, data.train().size(), data.heldOut().size(), worst.deviation(), worst.at());
        List<String> failures = outcomes.stream().map(Outcome::failure).filter(f -> f != null).toList();
        failures.forEach(System.out::println);
        assertTrue(failures.isEmpty(), "probabilities differ by more than " + TOLERANCE + ": " + failures);
    }

    private static Outcome compare(LabelledRows.Split data, ClassLabels classes, LearnerParams params,
                                   boolean byObjective) {
        String at = String.format(Locale.ROOT, "std=%s intercept=%s reg=%s en=%s", params.standardization(),
                params.fitIntercept(), params.regParam(), params.elasticNetParam());
        LogisticRegressionModel viaSpark = new Learner(spark, params, classes).fit(data.train(), null).model();
        LogisticRegressionModel viaDriver = new Learner(spark, params.withSolver(Solver.DRIVER), classes)
                .fit(data.train(), null).model();
        double deviation = Math.max(maxDeviation(viaSpark, viaDriver, data.train()),
                maxDeviation(viaSpark, viaDriver, data.heldOut()));
        double objectiveSpark = MllibObjective.value(viaSpark, data.train(), params);
        double objectiveDriver = MllibObjective.value(viaDriver, data.train(), params);
        double objectiveGap = Math.abs(objectiveSpark - objectiveDriver) / Math.max(objectiveSpark, objectiveDriver);
        // On a flat floor both runs stop at the same objective value (to 1e-9) a little apart.
        boolean sameFloor = objectiveGap <= 1e-9 && deviation <= FLAT_FLOOR_TOLERANCE;
        boolean agree = byObjective ? objectiveGap <= 0.01 : deviation <= TOLERANCE || sameFloor;
        if (!byObjective && deviation > TOLERANCE && sameFloor) {
            System.out.println("same objective, flat floor: " + at + String.format(Locale.ROOT,
                    ": probability deviation %.3g, objective gap %.2g", deviation, objectiveGap));
        }
        String report = String.format(Locale.ROOT, "%s: probability deviation %.3g, objective spark %.12g, driver %.12g",
                at, deviation, objectiveSpark, objectiveDriver);
        if (byObjective) {
            System.out.println("no intercept, compared by objective: " + report);
        }
        return new Outcome(at + (byObjective ? " (by objective)" : ""),
                Double.isNaN(deviation) || byObjective ? 0 : deviation, agree ? null : report);
    }

    static double maxDeviation(LogisticRegressionModel a, LogisticRegressionModel b, List<LabelledCell> cells) {
        assertEquals(a.numClasses(), b.numClasses());
        double worst = 0;
        for (LabelledCell c : cells) {
            double[] pa = a.predictProbability(Vectors.dense(c.features())).toArray();
            double[] pb = b.predictProbability(Vectors.dense(c.features())).toArray();
            for (int k = 0; k < pa.length; k++) {
                worst = Math.max(worst, Math.abs(pa[k] - pb[k]));
                if (Double.isNaN(pa[k]) || Double.isNaN(pb[k])) {
                    return Double.NaN;
                }
            }
        }
        return worst;
    }
}
