package org.cellactive.learning.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Solver;
import org.junit.jupiter.api.Test;

/**
 * The stopping signal's cross-validation: its folds run in parallel on a {@link DriverWork}
 * pool give the serial estimate to the bit, and the estimate has known values where it must.
 * The driver solver needs no Spark session.
 */
class CrossValidatedAccuracyTest {
    private static final LearnerParams DRIVER = LearnerParams.DEFAULTS.withSolver(Solver.DRIVER);

    /** Three Gaussian clusters in {@code d} dimensions, {@code spread} apart; seeded. */
    static List<LabelledCell> clusters(int perClass, int d, double spread, long seed) {
        Random random = new Random(seed);
        List<LabelledCell> out = new ArrayList<>();
        for (int label = 0; label < 3; label++) {
            for (int i = 0; i < perClass; i++) {
                double[] x = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = random.nextGaussian() + (j % 3 == label ? spread : 0);
                }
                out.add(new LabelledCell(String.format("cell_%d_%03d", label, i), label, x));
            }
        }
        return out;
    }

    @Test
    void parallelFoldsGiveTheSerialEstimateToTheBit() {
        // Overlapping clusters: some held-out cells are misclassified, so the count is a real test.
        List<LabelledCell> labelled = clusters(60, 12, 1.2, 3);
        CrossValidatedAccuracy.Result serial =
                CrossValidatedAccuracy.estimate(null, DRIVER, ClassLabels.THREE_CLASS, labelled, 11);
        assertEquals(5, serial.folds());
        assertTrue(serial.accuracy() > 0.5 && serial.accuracy() < 1.0, "a non-trivial estimate: " + serial);
        List<LabelledCell> shuffled = new ArrayList<>(labelled);
        Collections.shuffle(shuffled, new Random(5));
        for (int threads : new int[] {2, 3, 5}) {
            try (DriverWork work = DriverWork.pooled(threads)) {
                for (int repeat = 0; repeat < 3; repeat++) {
                    CrossValidatedAccuracy.Result parallel = DriverWork.join(CrossValidatedAccuracy.start(null, DRIVER,
                            ClassLabels.THREE_CLASS, repeat == 2 ? shuffled : labelled, 11, work.executor()));
                    assertEquals(serial.folds(), parallel.folds());
                    assertEquals(Double.doubleToRawLongBits(serial.accuracy()),
                            Double.doubleToRawLongBits(parallel.accuracy()), threads + " threads: " + parallel);
                }
            }
        }
    }

    @Test
    void knownAnswers() {
        try (DriverWork work = DriverWork.pooled(2)) {
            // Far-apart clusters: every held-out cell is right.
            assertEquals(new CrossValidatedAccuracy.Result(5, 1.0), DriverWork.join(CrossValidatedAccuracy.start(
                    null, DRIVER, ClassLabels.THREE_CLASS, clusters(10, 6, 25, 1), 7, work.executor())));
            // The smallest class has 3 labels: 3 folds.
            List<LabelledCell> three = new ArrayList<>(clusters(10, 6, 25, 2));
            three.removeIf(c -> c.label() == 2 && c.key().compareTo("cell_2_003") >= 0);
            assertEquals(new CrossValidatedAccuracy.Result(3, 1.0), DriverWork.join(CrossValidatedAccuracy.start(
                    null, DRIVER, ClassLabels.THREE_CLASS, three, 7, work.executor())));
            // One label of a class: skipped, nothing fitted.
            three.removeIf(c -> c.label() == 2 && c.key().compareTo("cell_2_001") >= 0);
            CrossValidatedAccuracy.Result skipped = DriverWork.join(CrossValidatedAccuracy.start(null, DRIVER,
                    ClassLabels.THREE_CLASS, three, 7, work.executor()));
            assertEquals(0, skipped.folds());
            assertTrue(Double.isNaN(skipped.accuracy()));
        }
    }

    @Test
    void aFailingFoldFailsTheEstimateWithItsOwnException() {
        List<LabelledCell> labelled = new ArrayList<>(clusters(10, 6, 25, 4));
        labelled.add(labelled.get(0)); // a cell labelled twice: the learner refuses it
        try (DriverWork work = DriverWork.pooled(2)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> DriverWork.join(CrossValidatedAccuracy.start(null, DRIVER, ClassLabels.THREE_CLASS, labelled,
                            7, work.executor())));
            assertTrue(e.getMessage().contains("labelled twice"), e.getMessage());
        }
    }
}
