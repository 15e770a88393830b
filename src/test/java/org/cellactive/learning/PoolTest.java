package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compact pool keeps the contracts of the pool of objects it replaced. */
class PoolTest {

    private static final FeatureColumns AB = new FeatureColumns("a,b", List.of("a", "b"));
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SyntheticCells.session("PoolTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Cell i has key "c" + i (and a non-ASCII one every 7th) and features (i, i * i / 10). */
    private static List<PoolCell> cells(int n) {
        List<PoolCell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add(new PoolCell((i % 7 == 0 ? "zelle-ä" : "c") + i, new double[] {i, i * (double) i / 10}));
        }
        return cells;
    }

    private static Dataset<Row> table(List<PoolCell> cells, int partitions) {
        StructType schema = new StructType()
                .add("cell_key", DataTypes.StringType).add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType);
        List<Row> rows = cells.stream().map(c -> RowFactory.create(c.key(), c.features()[0], c.features()[1])).toList();
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    /** The scale from exact sums in one loop over the cells. */
    private static FeatureScale scaleOf(List<PoolCell> cells) {
        int d = cells.get(0).features().length;
        ExactSum[] sum = new ExactSum[d];
        ExactSum[] squares = new ExactSum[d];
        for (int j = 0; j < d; j++) {
            sum[j] = new ExactSum();
            squares[j] = new ExactSum();
        }
        for (PoolCell c : cells) {
            for (int j = 0; j < d; j++) {
                sum[j].add(c.features()[j]);
                squares[j].add(c.features()[j] * c.features()[j]);
            }
        }
        double[] s = new double[d];
        double[] q = new double[d];
        for (int j = 0; j < d; j++) {
            s[j] = sum[j].value();
            q[j] = squares[j].value();
        }
        return FeatureScale.fromMoments(cells.size(), s, q);
    }

    /**
     * The scale is what {@code diverse} measures distances with: the same cells must give the same
     * bits in 1 partition or 7, in any row order, or a layout change could flip a pick.
     */
    @Test
    void theScaleHasTheSameBitsHoweverThePoolIsPartitioned() {
        java.util.Random random = new java.util.Random(3);
        List<PoolCell> cells = new ArrayList<>();
        for (int i = 0; i < 3 * PoolBlock.ROWS; i++) {
            cells.add(new PoolCell("k" + i, new double[] {
                random.nextGaussian() * 1e3 + 5e4, Math.exp(random.nextGaussian() * 8)}));
        }
        FeatureScale expected = scaleOf(cells);
        for (int partitions : new int[] {1, 7}) {
            try (Pool pool = Pool.assemble(table(cells, partitions), AB, 0)) {
                assertEquals(expected, pool.scale(), partitions + " partitions");
            }
        }
    }

    @Test
    void countsFetchesAndScalesCellsAcrossManyBlocks() {
        List<PoolCell> cells = cells(2 * PoolBlock.ROWS + 17);
        try (Pool pool = Pool.assemble(table(cells, 3), AB, 0)) {
            assertEquals(cells.size(), pool.count());
            assertEquals(List.of(cells.get(8000), cells.get(0), cells.get(7)),
                    pool.fetch(List.of(cells.get(8000).key(), cells.get(0).key(), cells.get(7).key())));
            assertEquals(scaleOf(cells), pool.scale(), "the exact sums of one loop, bit for bit");
            assertTrue(pool.cachedBytes() > 0);
        }
    }

    @Test
    void restrictedPoolHoldsExactlyTheKeysAsked() {
        List<PoolCell> cells = cells(PoolBlock.ROWS + 500);
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 3; i < cells.size(); i += 5) {
            keys.add(cells.get(i).key());
        }
        try (Pool all = Pool.assemble(table(cells, 2), AB, 0); Pool some = all.restrictTo(keys, 1)) {
            assertEquals(keys.size(), some.count());
            assertEquals(cells.get(8), some.fetch(List.of(cells.get(8).key())).get(0));
            IllegalArgumentException notKept = assertThrows(IllegalArgumentException.class,
                    () -> some.fetch(List.of(cells.get(4).key())));
            assertTrue(notKept.getMessage().contains(cells.get(4).key()));
            // every kept cell comes back from a scan that asks for all of them
            List<ScoredCell> all4 = CandidateScan.top(some, null, new RandomStrategy(1), Set.of(), cells.size());
            assertEquals(keys, new java.util.HashSet<>(all4.stream().map(ScoredCell::key).toList()));

            Set<String> unknown = new LinkedHashSet<>(List.of(cells.get(3).key(), "no-such-cell"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> all.restrictTo(unknown, 1));
            assertTrue(e.getMessage().contains("1 of the requested cells"));
        }
    }

    @Test
    void aNonFiniteFeatureIsRefusedWithItsCell() {
        List<PoolCell> cells = new ArrayList<>(cells(10));
        cells.set(4, new PoolCell("bad-cell", new double[] {1, Double.NaN}));
        try (Pool pool = Pool.assemble(table(cells, 1), AB, 0)) {
            SparkException e = assertThrows(SparkException.class, pool::count);
            assertTrue(String.valueOf(e.getMessage()).contains("bad-cell"), e.getMessage());
        }
    }
}
