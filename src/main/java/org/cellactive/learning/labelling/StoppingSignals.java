package org.cellactive.learning.labelling;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.ledger.LabelLedger;

/**
 * The stopping signal of a round that fit a model: the share of the pool whose predicted
 * class changed since the last model round, the largest uncertainty left outside the batch,
 * and the cross-validated accuracy on the labelled cells. The pool's predictions are written
 * into the round's staging folder, where the next round finds them.
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

    /** A cold start's signal: nothing measured. */
    public static final Signal NONE = new Signal(null, null, new CrossValidatedAccuracy.Result(0, Double.NaN));

    /**
     * @param start      the ledger as the round found it (for the last model round)
     * @param unlabelled the cells not answered before this round
     */
    public static Signal measure(SparkSession spark, LabelLedger ledger, RoundStart start, Dataset<Row> unlabelled,
                                 List<String> features, ScoringModel model, List<String> trained,
                                 List<String> batchKeys, Path staging, LearnerParams params, ClassLabels classes,
                                 List<LabelledCell> labelled, long seed) {
        Dataset<Row> predictions = PoolPredictions.predict(spark, unlabelled, features, model, trained);
        String predictionsUri = staging.resolve(PoolPredictions.DIR).toUri().toString();
        predictions.write().parquet(predictionsUri);
        Dataset<Row> saved = spark.read().parquet(predictionsUri);
        Double changed = start.latestModelRound().map(previous -> PoolPredictions.changedShare(spark.read().parquet(
                ledger.roundDir(previous.round()).resolve(PoolPredictions.DIR).toUri().toString()), saved))
                .orElse(null);
        Double maxUncertainty = PoolPredictions.maxUncertainty(spark, saved, batchKeys);
        CrossValidatedAccuracy.Result cv = CrossValidatedAccuracy.estimate(spark, params, classes, labelled, seed);
        return new Signal(changed, maxUncertainty, cv);
    }
}
