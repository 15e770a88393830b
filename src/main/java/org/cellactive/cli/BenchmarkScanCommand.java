package org.cellactive.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.cellactive.experiment.ScanBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark-scan}: how long one round's candidate scan takes over a pool of a given
 * size. Its last stdout line is the one docs/benchmarks.md quotes.
 */
@Command(name = "benchmark-scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Times the candidate scan (least-confident, top-k) over a synthetic cached pool.",
            "Builds the pool in Spark from seeded random features, warms the scan up, then times --runs scans.",
            "Last line: benchmark-scan: pool=N features=D classes=C median_ms=X per_cell_ns=Y cached_mib=Z"})
public final class BenchmarkScanCommand implements Callable<Integer> {

    @Option(names = "--pool", defaultValue = "1000000", paramLabel = "N", description = "Cells (default: ${DEFAULT-VALUE}).")
    long pool;

    @Option(names = "--features", defaultValue = "60", paramLabel = "D", description = "Features per cell (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--classes", defaultValue = "2", paramLabel = "C", description = "Classes of the model (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--runs", defaultValue = "7", paramLabel = "R", description = "Timed scans (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N", description = "Untimed scans first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--top", defaultValue = "100", paramLabel = "K", description = "Candidates per scan (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the pool (default: one per core, so a scan is one wave of tasks).")
    Integer partitions;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the features and the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws TimeoutException {
        if (pool < 1 || features < 1 || classes < 2 || runs < 1 || warmup < 0 || top < 1
                || (partitions != null && partitions < 1)) {
            return CliErrors.usage("benchmark-scan", "--pool, --features, --runs, --top and --partitions must be at least 1,"
                    + " --classes at least 2 and --warmup at least 0");
        }
        SparkSession spark = Spark.session("cellactive benchmark-scan", master);
        int cores = spark.sparkContext().defaultParallelism();
        // One wave of tasks: on a busy host each extra wave waits again for threads to be scheduled.
        int parts = partitions != null ? partitions : cores;
        ScanBenchmark.Result r = ScanBenchmark.run(spark, pool, features, classes, parts, warmup, runs, top, seed);
        double mib = r.cachedBytes() / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "pool built and cached in %.1f s: %d of %d partitions in memory, %.1f MiB "
                        + "(%.3f × the %.1f MiB of raw feature bytes); %s, %d cores, max heap %.0f MiB%n",
                r.buildSeconds(), r.cachedPartitions(), r.partitions(), mib,
                r.cachedBytes() / (double) r.rawFeatureBytes(), r.rawFeatureBytes() / (1024.0 * 1024.0),
                master, cores, Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        if (r.cachedPartitions() < r.partitions()) {
            System.out.println("WARNING: the pool does not fit the storage memory; uncached partitions are rebuilt"
                    + " from their lineage by every scan, so the times below are not a cached scan's.");
        }
        System.out.printf(Locale.ROOT, "scan ms, after %d untimed: %s%n", warmup, Arrays.toString(r.scanMillis()));
        System.out.printf(Locale.ROOT, "task CPU ms per scan (summed over its %d tasks): %s; median %.1f = %.2f ns per cell%n",
                r.partitions(), Arrays.toString(r.taskCpuMillis()), r.medianTaskCpuMillis(),
                r.medianTaskCpuMillis() * 1e6 / pool);
        System.out.printf(Locale.ROOT, "best candidate: %s (score %.6f)%n", r.top().get(0).key(), r.top().get(0).score());
        double median = r.medianMillis();
        System.out.printf(Locale.ROOT, "benchmark-scan: pool=%d features=%d classes=%d median_ms=%.1f per_cell_ns=%.2f"
                        + " cached_mib=%.1f%n", pool, features, classes, median, median * 1e6 / pool, mib);
        return 0;
    }
}
