package org.cellactive.learning.labelling;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Pool;
import org.cellactive.learning.QueryStrategy;
import org.cellactive.learning.ScoredCell;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.CandidateScan;
import org.cellactive.learning.ledger.CrashPoints;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * The named steps of one labelling round, in the order a round takes them:
 * {@link RoundStart#read} → {@link #cellsTable} → {@link #features} → {@link #unlabelled}
 * → {@link #coldStart} or ({@link #fit} → {@link #saveModel} → {@link #scan} → {@link StoppingSignals#measure}: the pass
 * over the pool while the cross-validation's folds run on a {@link DriverWork} pool)
 * → {@link RoundCommit#commit}. {@code query} takes them once per JVM; {@code serve} takes
 * them again and again in one, with its pool cached.
 */
public final class RoundSteps {
    private final SparkSession spark;
    private final PrintStream log;
    private final String command;

    /** @param command prefix of the progress lines ({@code query}, {@code serve}) */
    public RoundSteps(SparkSession spark, PrintStream log, String command) {
        this.spark = spark;
        this.log = log;
        this.command = command;
    }

    public SparkSession spark() {
        return spark;
    }

    /** The cells table, with cell_type dropped at the door: ground truth must not leak into a real labelling run. */
    public Dataset<Row> cellsTable(String cellsPath) {
        return spark.read().parquet(cellsPath).drop(AnnotationColumns.CELL_TYPE);
    }

    /** The feature columns; a ledger's first round fixes them for all later rounds. */
    public static FeatureColumns features(LabelLedger ledger, List<RoundInfo> rounds, String spec, Dataset<Row> cells) {
        FeatureColumns features = FeatureColumns.resolve(spec, cells.schema());
        if (!rounds.isEmpty() && !rounds.get(0).features().equals(features.columns())) {
            throw new LedgerException(ledger.dir() + ": the ledger's rounds use the features "
                    + rounds.get(0).features() + "; --features " + spec + " gives " + features.columns());
        }
        return features;
    }

    /** The cells nobody has answered yet: the table without {@code answered} (a broadcast anti-join). */
    public Dataset<Row> unlabelled(Dataset<Row> cells, Set<String> answered) {
        Dataset<Row> labelledKeys = spark.createDataset(new ArrayList<>(answered), Encoders.STRING())
                .toDF(AnnotationColumns.CELL_KEY);
        return cells.join(labelledKeys,
                cells.col(AnnotationColumns.CELL_KEY).equalTo(labelledKeys.col(AnnotationColumns.CELL_KEY)),
                "left_anti");
    }

    /** A seeded sample spread across images, while no model can be fit. */
    public List<String> coldStart(int round, Dataset<Row> unlabelled, TrainingSet training, int k, long seed) {
        List<String> trained = training.trainedClasses();
        log.printf(Locale.ROOT, "%s: round %d: cold start: %s labelled, so no model yet; picking a seeded"
                        + " sample of %d cells spread across images%n", command, round,
                trained.isEmpty() ? "no class is" : "only class " + trained.get(0) + " is", k);
        return ColdStartSample.pick(unlabelled, k, seed);
    }

    /** Fits on the labelled cells. */
    public ModelFit.Fitted fit(int round, TrainingSet training, List<LabelledCell> labelled, LearnerParams params,
                               LogisticRegressionModel initialOrNull) {
        log.printf("%s: round %d: fitting on %d labelled cells of %s%n", command, round, labelled.size(),
                training.trainedClasses());
        return ModelFit.fit(spark, params, training.classes(), labelled, initialOrNull);
    }

    /**
     * Saves the round's model into its staging folder: its coefficients as {@link ModelFile}
     * always, and with {@code mllib} also MLlib's own persistence ({@code model/}, loadable with
     * {@code LogisticRegressionModel.load}; it runs Spark jobs, which {@code serve} skips).
     */
    public void saveModel(LogisticRegressionModel model, List<String> trained, Path staging, boolean mllib)
            throws IOException {
        ModelFile.write(staging, trained, ScoringModel.of(model));
        if (mllib) {
            model.write().overwrite().save(staging.resolve("model").toUri().toString());
        }
        CrashPoints.reached("model-saved");
    }

    /** One distributed pass over the pool: the next batch, in pick order, with each cell's features. */
    public List<ScoredCell> scan(int round, Pool pool, long unansweredCells, ScoringModel model, QueryStrategy strategy,
                             Set<String> excluded, int k) {
        log.printf("%s: round %d: scanning %d unlabelled cells with %s%n", command, round, unansweredCells,
                strategy.name());
        return CandidateScan.nextBatch(pool, model, strategy, excluded, k);
    }

    /** Prints a committed round's stopping signal, one line. */
    public void printSignal(RoundInfo r) {
        if (r.coldStart()) {
            log.printf("%s: round %d: stopping signal: none yet (cold start)%n", command, r.round());
            return;
        }
        String changed = r.changedShare() == null ? "no earlier model to compare with"
                : String.format(Locale.ROOT, "%.1f%% of the pool changed its predicted class since the last model",
                        100 * r.changedShare());
        String uncertainty = r.maxUncertainty() == null ? "no cell left"
                : String.format(Locale.ROOT, "largest remaining uncertainty (1 - max p) %.3f", r.maxUncertainty());
        String cv = r.cvAccuracy() == null
                ? "cross-validation skipped: a class has fewer than 2 labels"
                : String.format(Locale.ROOT, "cross-validated accuracy %.3f (%d-fold, %d labels)", r.cvAccuracy(),
                        r.cvFolds(), r.labelledCells());
        log.printf("%s: round %d: stopping signal: %s; %s; %s%n", command, r.round(), changed, uncertainty, cv);
    }
}
