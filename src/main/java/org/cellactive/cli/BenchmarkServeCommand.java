package org.cellactive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.LearnerParams;
import org.cellactive.serve.ServeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code benchmark-serve}: times serve's POST /api/next over real HTTP (docs/benchmarks.md §3). */
@Command(name = "benchmark-serve", mixinStandardHelpOptions = true,
        description = {"Times serve's batch cycle over HTTP: a fresh ledger seeded with one answered batch,",
            "then rounds of answering the shown batch from the table's ground truth and POST /api/next."})
public final class BenchmarkServeCommand implements Callable<Integer> {
    @Option(names = "--cells", description = "A cells table with ground truth in cell_type (e.g. BCCD's extract).")
    String cells;

    @Option(names = "--synthetic", description = "Instead of --cells: write a synthetic table of N cells to --work.")
    Integer synthetic;

    @Option(names = "--synthetic-features", defaultValue = "30",
            description = "Feature columns of the synthetic table (default: ${DEFAULT-VALUE}).")
    int syntheticFeatures;

    @Option(names = "--images", description = "Images folder the synthetic boxes point at (BCCD's JPEGImages).")
    Path images;

    @Option(names = "--work", required = true, description = "Scratch folder: the ledger (and synthetic table); must not hold a ledger yet.")
    Path work;

    @Option(names = "--classes", split = ",", defaultValue = "RBC,WBC,Platelets",
            description = "Classes (default: ${DEFAULT-VALUE}).")
    List<String> classes;

    @Option(names = "--features", defaultValue = "all", description = "Feature columns (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--seed-labels", defaultValue = "100",
            description = "Cells answered in the first batch, before measuring (default: ${DEFAULT-VALUE}).")
    int seedLabels;

    @Option(names = "--batch-size", defaultValue = "20", description = "Cells per measured batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    SolverOption solver = new SolverOption();

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws Exception {
        if ((cells == null) == (synthetic == null)) {
            return CliErrors.usage("benchmark-serve", "give exactly one of --cells and --synthetic N");
        }
        if (synthetic != null && (images == null || !Files.isDirectory(images))) {
            return CliErrors.usage("benchmark-serve", "--synthetic needs --images DIR (a folder of .jpg images)");
        }
        LearnerParams learner;
        try {
            learner = learner();
        } catch (IllegalArgumentException e) {
            return CliErrors.usage("benchmark-serve", e.getMessage());
        }
        Path ledger = work.resolve("ledger");
        if (Files.exists(ledger)) {
            return CliErrors.usage("benchmark-serve", ledger + " exists; give an empty --work folder");
        }
        SparkSession spark = Spark.session("cellactive benchmark-serve", master);
        String table = cells;
        if (synthetic != null) {
            Path out = work.resolve("cells.parquet");
            ServeBenchmark.writeSynthetic(spark, out, synthetic, syntheticFeatures, images);
            table = out.toString();
        }
        ServeBenchmark.run(spark, new ServeBenchmark.Settings(table, ledger, classes, features, batchSize, seedLabels,
                rounds, learner), System.out, System.err);
        return 0;
    }

    LearnerParams learner() {
        return solver.learner();
    }
}
