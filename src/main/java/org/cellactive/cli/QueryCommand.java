package org.cellactive.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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
    @Mixin
    LabellingOptions labelling = new LabellingOptions();

    @Option(names = "--batch-size", required = true, description = "Cells per batch.")
    int batchSize;

    @Option(names = "--out", required = true, description = "Batch folder for queries.csv and queries.html.")
    Path out;

    @Mixin
    SolverOption solver = new SolverOption();

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new UsageException("--batch-size must be at least 1, not " + batchSize);
        }
        LabellingOptions o = labelling;
        if (!QueryStrategies.NAMES.contains(o.strategy.trim())) {
            throw new UsageException("unknown --strategy '" + o.strategy + "'; choose from " + QueryStrategies.NAMES);
        }
        LearnerParams learner = solver.learner();
        // Start-up apart from the round: what a JVM per batch costs (serve pays it once).
        double toCommand = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        long sessionStart = System.nanoTime();
        SparkSession spark = Spark.session("cellactive query", master.url());
        System.out.printf(Locale.ROOT, "query: start-up %.2f s (JVM to the command %.2f s, Spark session %.2f s)%n",
                toCommand + (System.nanoTime() - sessionStart) / 1e9, toCommand,
                (System.nanoTime() - sessionStart) / 1e9);
        try {
            new QueryRound(spark, System.out).run(new QueryOptions(o.cells, o.ledger, batchSize, o.strategy, o.classes,
                    o.seed, out, o.features, learner, o.maxImagePixels));
            return 0;
        } catch (LedgerException | IllegalArgumentException e) {
            // The ledger, the cells table or their agreement: inputs, not options (checked above).
            throw new InputException(e.getMessage(), e);
        }
    }
}
