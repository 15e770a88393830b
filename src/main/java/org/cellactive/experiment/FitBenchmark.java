package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Solver;

/**
 * Times one refit of the loop's learner with each solver on the same labelled set: where the
 * driver solver and {@code LogisticRegression.fit} cost the same is where {@link Solver#AUTO}
 * switches. The labelled set is synthetic (Gaussian classes that overlap, so the fit is a real
 * optimisation), and each fit is cold, from MLlib's own starting point.
 */
public final class FitBenchmark {

    /** Median wall milliseconds of one fit with each solver, and their iterations. */
    public record Point(int rows, int features, int classes, long coefficients, double driverMs, double sparkMs,
                       int driverIterations, int sparkIterations) {
        public double ratio() {
            return sparkMs / driverMs;
        }
    }

    private FitBenchmark() {
    }

    public static Point measure(SparkSession spark, int rows, int features, int classes, int runs, long seed) {
        List<LabelledCell> cells = synthetic(rows, features, classes, seed);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("class" + k);
        }
        ClassLabels labels = new ClassLabels(names);
        Learner driver = new Learner(spark, LearnerParams.DEFAULTS.withSolver(Solver.DRIVER), labels);
        Learner viaSpark = new Learner(spark, LearnerParams.DEFAULTS.withSolver(Solver.SPARK), labels);
        double[] driverMs = new double[runs];
        double[] sparkMs = new double[runs];
        int driverIterations = 0;
        int sparkIterations = 0;
        driver.fit(cells, null);
        viaSpark.fit(cells, null);
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            driverIterations = driver.fit(cells, null).iterations();
            long t1 = System.nanoTime();
            sparkIterations = viaSpark.fit(cells, null).iterations();
            long t2 = System.nanoTime();
            driverMs[r] = (t1 - t0) / 1e6;
            sparkMs[r] = (t2 - t1) / 1e6;
        }
        long coefficients = (long) (features + 1) * (classes == 2 ? 1 : classes);
        return new Point(rows, features, classes, coefficients, median(driverMs), median(sparkMs), driverIterations,
                sparkIterations);
    }

    static List<LabelledCell> synthetic(int rows, int features, int classes, long seed) {
        Random r = new Random(seed);
        List<LabelledCell> cells = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int label = i % classes;
            double[] x = new double[features];
            for (int j = 0; j < features; j++) {
                x[j] = r.nextGaussian() + (j % classes == label ? 0.8 : 0.0);
            }
            cells.add(new LabelledCell(String.format("cell-%08d", i), label, x));
        }
        return cells;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
