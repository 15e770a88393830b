package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.CandidateScan;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.Pool;
import org.cellactive.learning.QueryStrategy;
import org.cellactive.learning.ScoredCell;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.UncertaintyMeasure;
import org.cellactive.learning.UncertaintyStrategy;

/**
 * Times one round's scan over a synthetic pool built in Spark: uniform random features
 * (seeded), keys shaped like BCCD's ({@code Image_0000000042_07}, 19 bytes), and a random
 * logistic model. The pool is assembled through {@link Pool#assemble}, as a real run builds it,
 * and cached before any scan is timed.
 */
public final class ScanBenchmark {

    /** Cells per synthetic image in the keys; any number works, 20 is near BCCD's. */
    private static final int CELLS_PER_IMAGE = 20;

    /** What one benchmark measured. */
    public record Result(long cells, int features, int classes, int partitions, double buildSeconds,
                         double[] scanMillis, double[] taskCpuMillis, long cachedBytes, int cachedPartitions,
                         List<ScoredCell> top) {

        public double medianMillis() {
            return median(scanMillis);
        }

        /** Median over scans of the CPU time spent inside the scan's tasks, summed over its tasks. */
        public double medianTaskCpuMillis() {
            return median(taskCpuMillis);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        /** Raw bytes of the features alone: cells × features × 8. */
        public long rawFeatureBytes() {
            return cells * features * 8L;
        }
    }

    private ScanBenchmark() {
    }

    /** The synthetic cells table: cell_key and f0 .. f(d-1), uniform in [0, 1). */
    public static Dataset<Row> table(SparkSession spark, long cells, int features, int partitions, long seed) {
        List<Column> columns = new ArrayList<>();
        Column id = functions.col("id");
        columns.add(functions.format_string("Image_%010d_%02d", id.divide(CELLS_PER_IMAGE).cast("long"),
                id.mod(CELLS_PER_IMAGE)).as(AnnotationColumns.CELL_KEY));
        for (int j = 0; j < features; j++) {
            columns.add(functions.rand(seed + j).as("f" + j));
        }
        return spark.range(0, cells, 1, partitions).select(columns.toArray(new Column[0]));
    }

    /** A model with seeded Gaussian weights scaled so that probabilities spread over (0, 1). */
    public static ScoringModel model(int features, int classes, long seed) {
        Random r = new Random(seed);
        int rows = classes == 2 ? 1 : classes;
        double[][] w = new double[rows][features];
        double[] b = new double[rows];
        for (int k = 0; k < rows; k++) {
            double sum = 0;
            for (int j = 0; j < features; j++) {
                w[k][j] = r.nextGaussian() * 4 / Math.sqrt(features);
                sum += w[k][j];
            }
            b[k] = -0.5 * sum; // features average 0.5: centre the logits
        }
        return new ScoringModel(w, b, classes);
    }

    /**
     * @param warmup untimed scans first, so the JIT has compiled the scoring loop
     * @param runs   timed scans
     * @param k      candidates per scan (the batch a round asks for)
     */
    public static Result run(SparkSession spark, long cells, int features, int classes, int partitions,
                             int warmup, int runs, int k, long seed) throws TimeoutException {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("f" + j);
        }
        ScoringModel model = model(features, classes, seed);
        QueryStrategy leastConfident = new UncertaintyStrategy(UncertaintyMeasure.LEAST_CONFIDENT);
        long t0 = System.nanoTime();
        try (Pool pool = Pool.assemble(table(spark, cells, features, partitions, seed),
                new FeatureColumns("synthetic", names), 0)) {
            long counted = pool.count();
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            if (counted != cells) {
                throw new IllegalStateException("synthetic pool holds " + counted + " cells, not " + cells);
            }
            List<ScoredCell> top = List.of();
            for (int i = 0; i < warmup; i++) {
                top = CandidateScan.top(pool, model, leastConfident, Set.of(), k);
            }
            double[] millis = new double[runs];
            double[] cpu = new double[runs];
            // Task CPU time tells the scan's own work from waiting on a shared machine's other processes.
            TaskTimes tasks = new TaskTimes();
            spark.sparkContext().addSparkListener(tasks);
            try {
                for (int i = 0; i < runs; i++) {
                    spark.sparkContext().listenerBus().waitUntilEmpty();
                    tasks.drain();
                    long s = System.nanoTime();
                    top = CandidateScan.top(pool, model, leastConfident, Set.of(), k);
                    millis[i] = (System.nanoTime() - s) / 1e6;
                    spark.sparkContext().listenerBus().waitUntilEmpty();
                    cpu[i] = tasks.drain().stream().mapToLong(TaskTimes.Task::cpuMs).sum();
                }
            } finally {
                spark.sparkContext().removeSparkListener(tasks);
            }
            return new Result(cells, features, classes, pool.partitions(), buildSeconds, millis, cpu,
                    pool.cachedBytes(), pool.cachedPartitions(), top);
        }
    }
}
