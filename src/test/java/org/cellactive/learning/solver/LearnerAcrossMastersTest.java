package org.cellactive.learning.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Solver;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the same labels give a bit-identical model on {@code local[1]} and {@code local[2]},
 * in any order, with either solver. The spark solver's sums would change with the partitioning
 * of its input; the learner hands it one partition, sorted by cell key, whatever the master.
 */
class LearnerAcrossMastersTest {

    @Test
    void theSameLabelsGiveTheSameModelOnOneAndTwoCores() {
        LabelledRows.Split data = LabelledRows.synthetic(3, 5, 90, 0, 47);
        List<LabelledCell> shuffled = new ArrayList<>(data.train());
        Collections.shuffle(shuffled, new Random(11));
        ClassLabels classes = new ClassLabels(List.of("a", "b", "c"));
        List<double[]> reference = null;
        for (String master : List.of("local[1]", "local[2]")) {
            SparkSession spark = SparkSession.builder().master(master).appName("LearnerAcrossMastersTest")
                    .config("spark.ui.enabled", "false").config("spark.default.parallelism", master.equals("local[1]") ? "1" : "4")
                    .getOrCreate();
            try {
                List<double[]> models = new ArrayList<>();
                for (Solver solver : List.of(Solver.DRIVER, Solver.SPARK)) {
                    Learner learner = new Learner(spark, LearnerParams.DEFAULTS.withSolver(solver), classes);
                    models.add(parameters(learner.fit(master.equals("local[1]") ? data.train() : shuffled, null)
                            .model()));
                }
                if (reference == null) {
                    reference = models;
                } else {
                    for (int i = 0; i < models.size(); i++) {
                        assertArrayEquals(reference.get(i), models.get(i), 0.0, master + " solver " + i);
                    }
                }
            } finally {
                spark.stop();
            }
        }
    }

    private static double[] parameters(LogisticRegressionModel m) {
        double[] w = m.coefficientMatrix().toArray();
        double[] b = m.interceptVector().toArray();
        double[] out = new double[w.length + b.length];
        System.arraycopy(w, 0, out, 0, w.length);
        System.arraycopy(b, 0, out, w.length, b.length);
        return out;
    }
}
