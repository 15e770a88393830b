package org.cellactive.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.cellactive.annotations.AnnotationSource;
import org.cellactive.annotations.AnnotationTable;
import org.cellactive.experiment.ExtractionBenchmark;
import org.cellactive.experiment.TaskTimes;
import org.cellactive.features.FeatureOptions;
import org.cellactive.features.spark.FeatureStage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ThresholdMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark-extract}: how fast extraction is, per core, and what each part costs.
 * Prints a Markdown table for docs/benchmarks.md. JVM start-up is never counted.
 */
@Command(name = "benchmark-extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures extraction speed, per core and per feature family.",
            "On a VOC folder: single-thread decode only (the limit), segmentation,",
            "each feature family, and the full pipeline; then the Spark stage on the given master.",
            "Each phase runs --runs times after a warm-up; medians are printed as Markdown."})
public final class BenchmarkExtractCommand implements Callable<Integer> {

    @Option(names = "--annotations", required = true, paramLabel = "DIR", description = "A folder of VOC XML files.")
    Path annotations;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "The images folder.")
    Path images;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per phase (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--limit-images", defaultValue = "100000",
            description = "Use at most this many annotation files (default: all).")
    int limitImages;

    @Option(names = "--features", split = ",", paramLabel = "FAMILY",
            description = "Families to time (default: every family, optional ones included).")
    List<String> families = new ArrayList<>(FeatureOptions.ALL_FAMILIES);

    @Option(names = "--spark-warmup", defaultValue = "3", paramLabel = "N",
            description = "Untimed Spark runs before the timed ones, so the JIT has compiled the stage "
                    + "(default: ${DEFAULT-VALUE}; the first, cold, run is printed on its own).")
    int sparkWarmup;

    @Option(names = "--skip-spark", description = "Only the single-thread phases.")
    boolean skipSpark;

    @Option(names = "--spark-only", description = "Only the Spark stage.")
    boolean sparkOnly;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks for the Spark stage, the rows moved to them by image (default: as extract "
                    + "chooses them: a VOC folder's rows are measured where they were read).")
    Integer partitions;

    @Option(names = "--master", defaultValue = "local[2]",
            description = "Spark master for the stage timing (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || sparkWarmup < 0 || (partitions != null && partitions < 1)) {
            return CliErrors.usage("benchmark-extract",
                    "--runs and --partitions must be at least 1 and --spark-warmup at least 0");
        }
        if (sparkOnly) {
            sparkStage(FeatureOptions.defaults(), "default families");
            return 0;
        }
        FeatureOptions options = new FeatureOptions(families, 256, 3, List.of(Channel.GRAY), ThresholdMethod.OTSU);
        ExtractionBenchmark bench = new ExtractionBenchmark(annotations, images, limitImages, runs);
        int cells = bench.cellCount();
        System.out.printf(Locale.ROOT, "%n%d images, %d boxes, %d timed runs per phase (median), one thread, no I/O%n%n",
                bench.imageCount(), cells, runs);
        System.out.println("| phase | median s per pass | ms per cell | cells/s (1 core) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        Map<String, Double> medians = bench.run(options);
        for (Map.Entry<String, Double> e : medians.entrySet()) {
            double s = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.4f | %,.0f |%n", e.getKey(), s, 1000 * s / cells, cells / s);
        }
        double decode = medians.get("decode");
        double full = medians.get("full: decode+crop+segment+all families");
        System.out.printf(Locale.ROOT, "%nfull pipeline / decode only = %.2f%n", full / decode);
        if (!skipSpark) {
            sparkStage(FeatureOptions.defaults(), "default families");
        }
        return 0;
    }

    private void sparkStage(FeatureOptions options, String label) throws TimeoutException {
        SparkSession spark = Spark.session("cellactive benchmark-extract", master);
        AnnotationTable table = AnnotationSource.read(spark, annotations.toAbsolutePath().toString(),
                images.toAbsolutePath().toString());
        Dataset<Row> boxes = table.boxes().cache();
        long n = boxes.count();
        int cores = spark.sparkContext().defaultParallelism();
        FeatureStage stage = new FeatureStage(options, 100_000_000L, null);
        FeatureStage.TaskPlan plan = FeatureStage.taskPlan(table, partitions, n, cores);
        int tasks = plan.tasks();
        double[] seconds = new double[runs];
        TaskTimes taskTimes = new TaskTimes();
        spark.sparkContext().addSparkListener(taskTimes);
        List<String> lines = new ArrayList<>();
        double cold = 0;
        for (int r = -sparkWarmup; r < runs; r++) {
            taskTimes.drain();
            long startMs = System.currentTimeMillis();
            long start = System.nanoTime();
            LongAccumulator done = spark.sparkContext().longAccumulator();
            Dataset<Row> outcomes = stage.outcomes(spark, boxes, plan, done);
            long measured = stage.cells(outcomes).count();
            outcomes.unpersist(true);
            double wall = (System.nanoTime() - start) / 1e9;
            if (r == -sparkWarmup) {
                cold = wall;
            }
            if (r >= 0) {
                seconds[r] = wall;
                spark.sparkContext().listenerBus().waitUntilEmpty();
                lines.add(TaskTimes.summary(taskTimes.drain(), startMs, wall, cores));
            }
            if (measured == 0) {
                throw new IllegalStateException("no cell measured");
            }
        }
        String inOrder = Arrays.toString(seconds);
        Arrays.sort(seconds);
        double median = seconds[runs / 2];
        System.out.printf(Locale.ROOT, "%nSpark stage (%s, %s, %d cores, images read from disk, %d boxes, %d tasks), "
                        + "after %d untimed runs: median %.2f s = %,.0f cells/s = %,.0f cells/s per core "
                        + "(runs in order: %s)%n",
                label, master, cores, n, tasks, sparkWarmup, median, n / median, n / median / cores, inOrder);
        System.out.printf(Locale.ROOT, "The first (cold) run took %.2f s = %,.0f cells/s per core.%n",
                cold, n / cold / cores);
        System.out.println();
        System.out.println("Where each run's core-seconds went (task run = time inside tasks, summed over tasks):");
        lines.forEach(System.out::println);
        spark.sparkContext().removeSparkListener(taskTimes);
    }
}
