package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UncertaintyScanTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SyntheticCells.session("UncertaintyScanTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 500 cells over 3 partitions; features drawn from few values, so many scores tie. */
    private static List<PoolCell> randomCells(long seed) {
        Random r = new Random(seed);
        List<PoolCell> cells = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            cells.add(new PoolCell(String.format("k%04d", (i * 7919) % 500), new double[] {r.nextInt(5) - 2, r.nextInt(3)}));
        }
        return cells;
    }

    private static Pool poolOf(List<PoolCell> cells) {
        StructType schema = new StructType()
                .add("cell_key", DataTypes.StringType).add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType);
        List<Row> rows = cells.stream().map(c -> RowFactory.create(c.key(), c.features()[0], c.features()[1])).toList();
        Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(3);
        return Pool.assemble(df, new FeatureColumns("a,b", List.of("a", "b")), 0);
    }

    private static List<ScoredCell> fullSort(List<PoolCell> cells, ScoringModel model, QueryStrategy s, Set<String> excluded) {
        List<ScoredCell> all = new ArrayList<>();
        for (PoolCell c : cells) {
            if (!excluded.contains(c.key())) {
                double[] p = s.usesModel() ? model.probabilities(c.features()) : null;
                all.add(new ScoredCell(c.key(), s.score(p, c.key()), c.features()));
            }
        }
        all.sort(ScoredCell.QUERY_ORDER);
        return all;
    }

    @Test
    void topKEqualsTheHeadOfAFullSortWithTies() {
        List<PoolCell> cells = randomCells(3);
        ScoringModel binary = new ScoringModel(new double[][] {{0.8, -0.5}}, new double[] {0.1}, 2);
        ScoringModel threeClass = new ScoringModel(new double[][] {{1, 0}, {0, 1}, {-1, -1}}, new double[] {0, 0, 0.2}, 3);
        Set<String> excluded = new HashSet<>(List.of("k0000", "k0007", "k0123", "k0499"));
        try (Pool pool = poolOf(cells)) {
            for (ScoringModel model : List.of(binary, threeClass)) {
                for (QueryStrategy s : List.of(new UncertaintyStrategy(UncertaintyMeasure.MARGIN),
                        new UncertaintyStrategy(UncertaintyMeasure.ENTROPY), new RandomStrategy(11))) {
                    List<ScoredCell> expected = fullSort(cells, model, s, excluded);
                    for (int k : new int[] {1, 7, 60, 496, 600}) {
                        List<ScoredCell> got = UncertaintyScan.top(pool, model, s, excluded, k);
                        List<ScoredCell> want = expected.subList(0, Math.min(k, expected.size()));
                        assertEquals(want.stream().map(ScoredCell::key).toList(), got.stream().map(ScoredCell::key).toList(),
                                s.name() + " k=" + k);
                        for (int i = 0; i < got.size(); i++) {
                            assertEquals(want.get(i).score(), got.get(i).score(), 0.0);
                            assertArrayEquals(want.get(i).features(), got.get(i).features(), 0.0);
                        }
                    }
                }
            }
            // The data really has ties, so the key order is what was tested.
            List<ScoredCell> top = UncertaintyScan.top(pool, binary, new UncertaintyStrategy(UncertaintyMeasure.MARGIN),
                    Set.of(), 50);
            assertEquals(top.get(0).score(), top.get(1).score(), 0.0);
            assertTrue(top.get(0).key().compareTo(top.get(1).key()) < 0);
        }
    }

    @Test
    void scanNeedsAModelForUncertainty() {
        try (Pool pool = poolOf(randomCells(4))) {
            assertThrows(IllegalArgumentException.class,
                    () -> UncertaintyScan.top(pool, null, new UncertaintyStrategy(UncertaintyMeasure.ENTROPY), Set.of(), 1));
            assertEquals(3, UncertaintyScan.top(pool, null, new RandomStrategy(1), Set.of(), 3).size());
        }
    }

    @Test
    void scoringModelMatchesMllibProbabilities() {
        Dataset<Row> table = SyntheticCells.table(spark, 5, 60, 30, 30);
        FeatureColumns features = FeatureColumns.resolve("all", table.schema());
        for (ClassLabels classes : List.of(ClassLabels.BINARY, ClassLabels.THREE_CLASS)) {
            GroundTruthOracle oracle = GroundTruthOracle.read(table, classes);
            try (Pool pool = Pool.assemble(table, features, 1)) {
                List<String> sorted = oracle.all().keySet().stream().sorted().toList();
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < sorted.size(); i += 3) {
                    keys.add(sorted.get(i)); // every third cell: all classes, not only the first images' RBC
                }
                List<LabelledCell> labelled = new ArrayList<>();
                Map<String, Integer> labels = oracle.label(keys);
                for (PoolCell c : pool.fetch(keys)) {
                    labelled.add(new LabelledCell(c.key(), labels.get(c.key()), c.features()));
                }
                Learner learner = new Learner(spark, LearnerParams.DEFAULTS, classes);
                Learner.Fit first = learner.fit(labelled, null);
                LogisticRegressionModel model = first.model();
                int cold = first.iterations();
                assertEquals(classes.size(), model.numClasses());
                ScoringModel scoring = ScoringModel.of(model);
                for (LabelledCell c : labelled) {
                    assertArrayEquals(model.predictProbability(Vectors.dense(c.features())).toArray(),
                            scoring.probabilities(c.features()), 1e-9);
                }
                // Refit on the same data from the previous model: a warm start needs fewer iterations.
                int warm = learner.fit(labelled, model).iterations();
                assertTrue(warm < cold, warm + " vs cold " + cold);
            }
        }
    }

    @Test
    void fetchNamesUnknownKeys() {
        try (Pool pool = poolOf(randomCells(5))) {
            assertEquals(List.of("k0003", "k0001"), pool.fetch(List.of("k0003", "k0001")).stream().map(PoolCell::key).toList());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.fetch(List.of("k0001", "nope")));
            assertTrue(e.getMessage().contains("nope"));
        }
    }
}
