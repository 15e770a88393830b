package org.cellactive.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.labelling.ScoreRun;
import org.cellactive.learning.ledger.LedgerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code score}: trains the final model on the ledger and scores every cell. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Trains the final model on the ledger's labels and scores every cell.",
            "The model is saved with MLlib persistence in OUT/model; it scores every cell, and write predictions.parquet, predictions.csv and per_image.csv",
            "(count and fraction of each class per image: a differential count)."})
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--cells", required = true, description = "The cells table to score (any Hadoop path).")
    String cells;

    @Option(names = "--ledger", required = true, description = "Label ledger folder.")
    Path ledger;

    @Option(names = "--out", required = true, description = "Score folder.")
    Path out;

    @Mixin
    SolverOption solver = new SolverOption();

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() {
        LearnerParams learner = solver.learner();
        SparkSession spark = Spark.session("cellactive score", master.url());
        try {
            new ScoreRun(spark, System.out).run(cells, ledger, out, learner);
            return 0;
        } catch (LedgerException | IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
