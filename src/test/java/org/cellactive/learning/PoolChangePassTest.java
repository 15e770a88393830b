package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stopping signal's pass over the pool, on one feature where every answer is known. */
class PoolChangePassTest {
    private static final FeatureColumns A = new FeatureColumns("a", List.of("a"));
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SyntheticCells.session("PoolChangePassTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Cell i has a = (i - 100) / 10, over more than two blocks and three partitions. */
    private static Dataset<Row> table(int n) {
        StructType schema = new StructType().add("cell_key", DataTypes.StringType).add("a", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create("c" + i, (i - 100) / 10.0));
        }
        return spark.createDataFrame(rows, schema).repartition(3);
    }

    @Test
    void countsChangedCellsByClassNameAndTheLargestUncertaintyLeft() {
        int n = 2 * PoolBlock.ROWS + 17;
        // Now: WBC when a > 0. Before: the classes in the other order, and WBC when a > 2.
        ScoringModel now = new ScoringModel(new double[][] {{1}}, new double[] {0}, 2);
        ScoringModel before = new ScoringModel(new double[][] {{-1}}, new double[] {2}, 2);
        try (Pool pool = Pool.assemble(table(n), A, 0)) {
            PoolChangePass.Counts c = PoolChangePass.run(pool, now, List.of("RBC", "WBC"), before,
                    List.of("WBC", "RBC"), Set.of("c100"), Set.of("c101"));
            // Changed: 0 < a < 2, i.e. c101..c119 (at a = 2 the old model ties and takes its first class, WBC).
            assertEquals(19, c.changed());
            assertEquals(n - 1, c.compared());
            assertEquals(n - 2, c.left());
            // c100 (a = 0) is answered and c101 (a = 0.1) is in the batch: c99 (a = -0.1) is the least sure left.
            double p = 1.0 / (1.0 + Math.exp(0.1));
            assertEquals(1 - (1 - p), c.maxUncertainty(), 1e-15);

            PoolChangePass.Counts first = PoolChangePass.run(pool, now, List.of("RBC", "WBC"), null, null, Set.of(),
                    Set.of());
            assertEquals(0, first.changed());
            assertEquals(0, first.compared());
            assertEquals(n, first.left());
            assertEquals(0.5, first.maxUncertainty(), 0.0);  // c100 sits on the boundary
        }
    }
}
