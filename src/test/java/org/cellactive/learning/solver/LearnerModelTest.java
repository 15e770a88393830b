package org.cellactive.learning.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Solver;
import org.cellactive.learning.SyntheticCells;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver solver's output is a real MLlib model (it transforms, saves and loads), the
 * constructor it relies on is still reachable, and a fit depends on the set of labelled cells only.
 */
class LearnerModelTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SyntheticCells.session("LearnerModelTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Fails on a Spark upgrade that hides or changes the constructor the driver solver calls. */
    @Test
    void theModelConstructorTheDriverSolverCallsIsPublicInBytecode() throws Exception {
        Constructor<LogisticRegressionModel> c = LogisticRegressionModel.class.getConstructor(String.class,
                Matrix.class, Vector.class, int.class, boolean.class);
        assertTrue(Modifier.isPublic(c.getModifiers()));
    }

    @Test
    void aDriverModelTransformsSavesAndLoadsAsMllibsOwn(@TempDir Path dir) throws Exception {
        for (List<String> names : List.of(List.of("RBC", "WBC"), List.of("RBC", "WBC", "Platelets"))) {
            LabelledRows.Split data = LabelledRows.synthetic(names.size(), 3, 60, 20, 9);
            Learner.Fit fit = new Learner(spark, LearnerParams.DEFAULTS.withSolver(Solver.DRIVER),
                    new ClassLabels(names)).fit(data.train(), null);
            assertEquals(Solver.DRIVER, fit.solver());
            LogisticRegressionModel model = fit.model();
            assertEquals(names.size(), model.numClasses());
            assertTrue(model.getFitIntercept());
            assertEquals(LearnerParams.DEFAULT_REG_PARAM, model.getRegParam());

            List<Row> rows = new ArrayList<>();
            for (LabelledCell c : data.heldOut()) {
                rows.add(RowFactory.create(Vectors.dense(c.features())));
            }
            Dataset<Row> frame = spark.createDataFrame(rows, new StructType().add("features", SQLDataTypes.VectorType()));
            List<Row> scored = model.transform(frame).select("probability").collectAsList();
            for (int i = 0; i < scored.size(); i++) {
                assertArrayEquals(model.predictProbability(Vectors.dense(data.heldOut().get(i).features())).toArray(),
                        ((Vector) scored.get(i).get(0)).toArray(), 0.0);
            }

            Path saved = dir.resolve("model-" + names.size());
            model.write().save(saved.toUri().toString());
            assertTrue(Files.isDirectory(saved.resolve("metadata")));
            LogisticRegressionModel loaded = LogisticRegressionModel.load(saved.toUri().toString());
            assertArrayEquals(model.coefficientMatrix().toArray(), loaded.coefficientMatrix().toArray(), 0.0);
            assertArrayEquals(model.interceptVector().toArray(), loaded.interceptVector().toArray(), 0.0);
            assertEquals(model.numClasses(), loaded.numClasses());
        }
    }

    /** The same labelled set in any order gives the same model, to the bit, with either solver. */
    @Test
    void aFitDependsOnTheSetOfLabelsNotTheirOrder() {
        LabelledRows.Split data = LabelledRows.synthetic(3, 4, 80, 0, 21);
        List<LabelledCell> shuffled = new ArrayList<>(data.train());
        Collections.shuffle(shuffled, new Random(5));
        ClassLabels classes = new ClassLabels(List.of("a", "b", "c"));
        for (Solver solver : List.of(Solver.DRIVER, Solver.SPARK)) {
            Learner learner = new Learner(spark, LearnerParams.DEFAULTS.withSolver(solver), classes);
            LogisticRegressionModel a = learner.fit(data.train(), null).model();
            LogisticRegressionModel b = learner.fit(shuffled, null).model();
            assertArrayEquals(a.coefficientMatrix().toArray(), b.coefficientMatrix().toArray(), 0.0, solver.name());
            assertArrayEquals(a.interceptVector().toArray(), b.interceptVector().toArray(), 0.0, solver.name());
        }
    }

    /** A warm start from the previous model needs fewer iterations, and ends at the same optimum. */
    @Test
    void aWarmStartConvergesFasterToTheSameModel() {
        LabelledRows.Split data = LabelledRows.synthetic(2, 4, 120, 0, 33);
        ClassLabels classes = new ClassLabels(List.of("a", "b"));
        Learner learner = new Learner(spark, new LearnerParams(0.01, 0, 1000, 1e-10, true, true, true,
                Solver.DRIVER), classes);
        Learner.Fit cold = learner.fit(data.train(), null);
        Learner.Fit warm = learner.fit(data.train(), cold.model());
        assertTrue(warm.iterations() < cold.iterations(), warm.iterations() + " vs " + cold.iterations());
        assertEquals(0, DriverSolverParityTest.maxDeviation(cold.model(), warm.model(), data.train()), 1e-8);
    }

    /** With the auto solver, a small labelled set is fitted on the driver and a large one by Spark. */
    @Test
    void autoPicksTheDriverForSmallSetsAndSparkAboveTheBound() {
        assertEquals(Solver.DRIVER, Solver.AUTO.resolve(300, 16));
        assertEquals(Solver.SPARK, Solver.AUTO.resolve(Solver.AUTO_DRIVER_LIMIT / 16 + 1, 16));
        assertEquals(Solver.SPARK, Solver.SPARK.resolve(1, 1));
        assertEquals(Solver.DRIVER, Solver.DRIVER.resolve(Long.MAX_VALUE / 2, 2));
    }
}
