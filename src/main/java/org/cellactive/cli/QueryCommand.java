package org.cellactive.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.QueryStrategies;
import org.cellactive.learning.labelling.QueryOptions;
import org.cellactive.learning.labelling.QueryRound;
import org.cellactive.learning.ledger.LedgerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code query}: fits on the ledger's labels and writes the next batch to label. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Fits on the ledger's labels and writes the next batch of cells to label.",
            "It scans every unlabelled cell and writes queries.csv and queries.html to --out and into the ledger.",
            "Labels come from the ledger only, never from the cells table.",
            "Rerunning before new labels arrive writes the same batch again."})
public final class QueryCommand implements Callable<Integer> {
    @Option(names = "--cells", required = true, description = "The cells table (RUN_DIR/cells.parquet; any Hadoop path).")
    String cells;

    @Option(names = "--ledger", required = true, description = "Label ledger folder (created on the first query).")
    Path ledger;

    @Option(names = "--batch-size", required = true, description = "Cells per batch.")
    int batchSize;

    @Option(names = "--strategy", defaultValue = "diverse",
            description = "random, least-confident, margin, entropy or diverse (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--classes", split = ",",
            description = "Class names, comma-separated; recorded in the ledger by the first query, checked after.")
    List<String> classes;

    @Option(names = "--features", defaultValue = "all",
            description = "all, gray-intensity or COL,...; fixed by the first round (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of cold-start samples, random order and"
            + " cross-validation folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-image-pixels", defaultValue = "100000000",
            description = "Largest image (width x height) decoded for the crops (default: ${DEFAULT-VALUE}).")
    long maxImagePixels;

    @Option(names = "--out", required = true, description = "Batch folder for queries.csv and queries.html.")
    Path out;

    @Mixin
    SolverOption solver = new SolverOption();

    @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[*]).")
    String master;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new UsageException("--batch-size must be at least 1, not " + batchSize);
        }
        if (!QueryStrategies.NAMES.contains(strategy.trim())) {
            throw new UsageException("unknown --strategy '" + strategy + "'; choose from " + QueryStrategies.NAMES);
        }
        LearnerParams learner = solver.learner();
        // Start-up apart from the round: what a JVM per batch costs (serve pays it once).
        double toCommand = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        long sessionStart = System.nanoTime();
        SparkSession spark = Spark.session("cellactive query", master);
        System.out.printf(Locale.ROOT, "query: start-up %.2f s (JVM to the command %.2f s, Spark session %.2f s)%n",
                toCommand + (System.nanoTime() - sessionStart) / 1e9, toCommand,
                (System.nanoTime() - sessionStart) / 1e9);
        try {
            new QueryRound(spark, System.out).run(new QueryOptions(cells, ledger, batchSize, strategy, classes, seed,
                    out, features, learner, maxImagePixels));
            return 0;
        } catch (LedgerException | IllegalArgumentException e) {
            // The ledger, the cells table or their agreement: inputs, not options (checked above).
            throw new InputException(e.getMessage(), e);
        }
    }
}
