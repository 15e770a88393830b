package org.cellactive.learning.labelling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Pool;
import org.cellactive.learning.PoolChangePass;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * The stopping signal of a round that fit a model: the share of the pool whose predicted
 * class changed since the last model round, the largest uncertainty left outside the batch,
 * and the cross-validated accuracy on the labelled cells.
 *
 * <p>The first two come from one pass over the cached pool ({@link PoolChangePass}) with the
 * previous round's coefficients ({@link ModelFile}) and this round's, so no table is written or joined. A
 * previous round from before model.json existed is compared through its predictions.parquet.
 */
public final class StoppingSignals {
    private StoppingSignals() {
    }

    /**
     * @param changedShare   null when no earlier round fit a model
     * @param maxUncertainty null when no cell is left outside the batch
     */
    public record Signal(Double changedShare, Double maxUncertainty, CrossValidatedAccuracy.Result cv) {
        public Double cvAccuracyOrNull() {
            return cv.folds() == 0 ? null : cv.accuracy();
        }
    }

    /** The two signals of the one pass over the pool. */
    public record PoolSignal(Double changedShare, Double maxUncertainty) {
    }

    /**
     * The whole signal: the pass over the pool on the calling thread, while the cross-validation's
     * folds run on {@code work} (with {@link DriverWork#inline()}, before the pass, one by one).
     *
     * @see #poolSignal
     * @see CrossValidatedAccuracy#start
     */
    public static Signal measure(SparkSession spark, LabelLedger ledger, RoundStart start, Pool pool,
                                 Dataset<Row> cells, Set<String> answered, List<String> features, ScoringModel model,
                                 List<String> trained, List<String> batchKeys, Path predictionsDirOrNull,
                                 LearnerParams params, ClassLabels classes, List<LabelledCell> labelled, long seed,
                                 Executor work) {
        CompletableFuture<CrossValidatedAccuracy.Result> cv =
                CrossValidatedAccuracy.start(spark, params, classes, labelled, seed, work);
        PoolSignal signal = poolSignal(spark, ledger, start, pool, cells, answered, features, model, trained, batchKeys,
                predictionsDirOrNull);
        return new Signal(signal.changedShare(), signal.maxUncertainty(), DriverWork.join(cv));
    }

    /**
     * The changed share and the largest remaining uncertainty, from one pass over the pool.
     *
     * @param start              the ledger as the round found it (for the last model round)
     * @param pool               the cached pool the scan used: the pass walks it ({@link PoolChangePass})
     * @param cells              the same cells as a table, for predictions.parquet and ledgers from
     *                           before model.json. Both hold the cells not answered before this round,
     *                           or more of them: the pass skips those in {@code answered} ({@code serve}
     *                           gives its cached pool and table and the answered keys, so no join is
     *                           planned per round)
     * @param predictionsDirOrNull where to keep the pool's predictions (query's predictions.parquet), or null
     */
    public static PoolSignal poolSignal(SparkSession spark, LabelLedger ledger, RoundStart start, Pool pool,
                                        Dataset<Row> cells, Set<String> answered, List<String> features, ScoringModel model,
                                        List<String> trained, List<String> batchKeys, Path predictionsDirOrNull) {
        Dataset<Row> unlabelled = answered.isEmpty() ? cells : null;
        if (predictionsDirOrNull != null) {
            if (unlabelled == null) {
                throw new IllegalArgumentException("predictions are written for an anti-joined table only");
            }
            PoolPredictions.predict(spark, unlabelled, features, model, trained).write()
                    .parquet(predictionsDirOrNull.toUri().toString());
        }
        Optional<RoundInfo> previousRound = start.latestModelRound();
        Optional<ModelFile.Saved> previous = previousRound.flatMap(r -> ModelFile.read(ledger.roundDir(r.round())));
        PoolChangePass.Counts pass = PoolChangePass.run(pool, model, trained,
                previous.map(ModelFile.Saved::model).orElse(null), previous.map(ModelFile.Saved::classes).orElse(null),
                answered, new HashSet<>(batchKeys));
        Double changed = pass.compared() == 0 ? null : pass.changed() / (double) pass.compared();
        if (previousRound.isPresent() && previous.isEmpty()) {
            changed = legacyChangedShare(spark, ledger, previousRound.get(), unlabelled != null ? unlabelled
                    : new RoundSteps(spark, System.err, "signal").unlabelled(cells, answered), features, model, trained,
                    predictionsDirOrNull);
        }
        Double maxUncertainty = pass.left() == 0 ? null : pass.maxUncertainty();
        return new PoolSignal(changed, maxUncertainty);
    }

    /** The change against a round that kept only its predictions.parquet (ledgers from before model.json). */
    private static Double legacyChangedShare(SparkSession spark, LabelLedger ledger, RoundInfo previous,
                                             Dataset<Row> unlabelled, List<String> features, ScoringModel model,
                                             List<String> trained, Path predictionsDirOrNull) {
        Path before = ledger.roundDir(previous.round()).resolve(PoolPredictions.DIR);
        if (!Files.isDirectory(before)) {
            return null;
        }
        Dataset<Row> now = predictionsDirOrNull != null ? spark.read().parquet(predictionsDirOrNull.toUri().toString())
                : PoolPredictions.predict(spark, unlabelled, features, model, trained);
        return PoolPredictions.changedShare(spark.read().parquet(before.toUri().toString()), now);
    }
}
