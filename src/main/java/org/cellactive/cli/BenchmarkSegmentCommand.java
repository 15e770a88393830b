package org.cellactive.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.cellactive.experiment.TaskTimes;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.RgbImage;
import org.cellactive.reject.RejectedException;
import org.cellactive.segmentation.ImageSegmenter;
import org.cellactive.segmentation.SegmentationSettings;
import org.cellactive.segmentation.spark.SegmentStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark-segment}: the cost of segmenting, beside decoding alone, on one thread and in
 * the Spark stage. Per-core rates are given both from wall time and from the tasks' CPU time: on
 * a shared machine the CPU time is what the work itself costs.
 */
@Command(name = "benchmark-segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times segment: decode alone and decode+segment, on one thread, then in the Spark stage",
            "(images read from disk, nothing written), after untimed warm-up runs."})
public final class BenchmarkSegmentCommand implements Callable<Integer> {
    @Option(names = "--images", required = true, paramLabel = "DIR", description = "A local folder of images.")
    Path images;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs; the median is kept (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--spark-warmup", defaultValue = "2", description = "Untimed Spark runs first (default: ${DEFAULT-VALUE}).")
    int sparkWarmup;

    @Option(names = "--partitions", defaultValue = "4", description = "Tasks of the Spark stage (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(images)) {
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        ImageDecoder decoder = new ImageDecoder(100_000_000L);
        ImageSegmenter segmenter = new ImageSegmenter(SegmentationSettings.defaults());
        System.out.printf(Locale.ROOT, "One thread, %d images in memory, median of %d runs after one warm-up:%n%n",
                files.size(), runs);
        System.out.println("| phase | wall s | CPU s | CPU ms/image | images/s per core (CPU) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        oneThread("decode", files, decoder, null);
        oneThread("decode+segment", files, decoder, segmenter);

        SparkSession spark = Spark.session("cellactive benchmark-segment", master);
        int cores = spark.sparkContext().defaultParallelism();
        Dataset<Row> paths = spark.read().format("binaryFile").load(images.toAbsolutePath().toString()).select("path")
                .cache();
        long n = paths.count();
        TaskTimes taskTimes = new TaskTimes();
        spark.sparkContext().addSparkListener(taskTimes);
        SegmentStage stage = new SegmentStage(SegmentationSettings.defaults(), 100_000_000L, null);
        System.out.printf(Locale.ROOT, "%nSpark stage (%s, %d cores, %d images read from disk, %d tasks), after %d"
                + " untimed runs, median of %d:%n%n", master, cores, n, partitions, sparkWarmup, runs);
        System.out.println("| stage | wall s | images/s per core (wall) | task CPU s | images/s per core (task CPU) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (boolean segment : new boolean[] {false, true}) {
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            for (int r = -sparkWarmup; r < runs; r++) {
                taskTimes.drain();
                LongAccumulator done = spark.sparkContext().longAccumulator();
                LongAccumulator empty = spark.sparkContext().longAccumulator();
                long start = System.nanoTime();
                Dataset<Row> outcomes = stage.outcomes(spark, paths, partitions, done, empty, segment);
                outcomes.count();
                double seconds = (System.nanoTime() - start) / 1e9;
                outcomes.unpersist(true);
                spark.sparkContext().listenerBus().waitUntilEmpty();
                long cpuMs = taskTimes.drain().stream().mapToLong(TaskTimes.Task::cpuMs).sum();
                if (r >= 0) {
                    wall[r] = seconds;
                    cpu[r] = cpuMs / 1e3;
                }
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            double w = wall[runs / 2];
            double c = cpu[runs / 2];
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.1f | %.2f | %.1f |%n", segment ? "read+decode+segment"
                    : "read+decode", w, n / w / cores, c, n / c);
        }
        spark.sparkContext().removeSparkListener(taskTimes);
        return 0;
    }

    private void oneThread(String name, List<byte[]> files, ImageDecoder decoder, ImageSegmenter segmenter)
            throws RejectedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int r = -1; r < runs; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (byte[] f : files) {
                RgbImage image = decoder.decode(f, "bench");
                if (segmenter != null) {
                    segmenter.segment(image);
                }
            }
            if (r >= 0) {
                wall[r] = (System.nanoTime() - start) / 1e9;
                cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double c = cpu[runs / 2];
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %.1f |%n", name, wall[runs / 2], c,
                1000 * c / files.size(), files.size() / c);
    }
}
