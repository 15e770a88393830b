package org.cellactive.learning.labelling;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * The stopping signal of a round that fit a model: the share of the pool whose predicted
 * class changed since the last model round, the largest uncertainty left outside the batch,
 * and the cross-validated accuracy on the labelled cells.
 *
 * <p>The first two come from one pass over the unlabelled cells with the previous round's
 * coefficients ({@link ModelFile}) and this round's, so no table is written or joined. A
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

    /**
     * @param start              the ledger as the round found it (for the last model round)
     * @param cells              the cells not answered before this round, or more of them: the pass
     *                           skips those in {@code answered} ({@code serve} gives its cached table
     *                           and the answered keys, so no join is planned per round)
     * @param predictionsDirOrNull where to keep the pool's predictions (query's predictions.parquet), or null
     */
    public static Signal measure(SparkSession spark, LabelLedger ledger, RoundStart start, Dataset<Row> cells,
                                 Set<String> answered, List<String> features, ScoringModel model,
                                 List<String> trained, List<String> batchKeys, Path predictionsDirOrNull,
                                 LearnerParams params, ClassLabels classes, List<LabelledCell> labelled, long seed) {
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
        Pass pass = pass(spark, cells, answered, features, model, trained,
                previous.map(ModelFile.Saved::model).orElse(null), previous.map(ModelFile.Saved::classes).orElse(null),
                batchKeys);
        Double changed = pass.both == 0 ? null : pass.changed / (double) pass.both;
        if (previousRound.isPresent() && previous.isEmpty()) {
            changed = legacyChangedShare(spark, ledger, previousRound.get(), unlabelled != null ? unlabelled
                    : new RoundSteps(spark, System.err, "signal").unlabelled(cells, answered), features, model, trained,
                    predictionsDirOrNull);
        }
        Double maxUncertainty = pass.left == 0 ? null : pass.maxUncertainty;
        CrossValidatedAccuracy.Result cv = CrossValidatedAccuracy.estimate(spark, params, classes, labelled, seed);
        return new Signal(changed, maxUncertainty, cv);
    }

    /** What one partition (then the whole pool) found. */
    private record Pass(long changed, long both, double maxUncertainty, long left) implements Serializable {
        static final Pass EMPTY = new Pass(0, 0, Double.NEGATIVE_INFINITY, 0);

        Pass plus(Pass o) {
            return new Pass(changed + o.changed, both + o.both, Math.max(maxUncertainty, o.maxUncertainty), left + o.left);
        }
    }

    /** What every task needs. */
    private record Request(ScoringModel current, List<String> currentClasses, ScoringModel previous,
                           List<String> previousClasses, Set<String> answered, Set<String> batch)
            implements Serializable {
    }

    private static Pass pass(SparkSession spark, Dataset<Row> cells, Set<String> answered, List<String> features,
                             ScoringModel model, List<String> trained, ScoringModel previous,
                             List<String> previousClasses, List<String> batchKeys) {
        List<Column> select = new ArrayList<>();
        select.add(col(AnnotationColumns.CELL_KEY));
        features.forEach(f -> select.add(col(f).cast("double")));
        Broadcast<Request> request = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(
                new Request(model, List.copyOf(trained), previous,
                        previousClasses == null ? null : List.copyOf(previousClasses), new HashSet<>(answered),
                        new HashSet<>(batchKeys)));
        try {
            return cells.select(select.toArray(new Column[0])).toJavaRDD().mapPartitions(rows -> {
                Request r = request.value();
                Pass p = Pass.EMPTY;
                double[] x = null;
                while (rows.hasNext()) {
                    Row row = rows.next();
                    if (r.answered().contains(row.getString(0))) {
                        continue;
                    }
                    if (x == null) {
                        x = new double[row.size() - 1];
                    }
                    for (int i = 0; i < x.length; i++) {
                        x[i] = row.getDouble(i + 1);
                    }
                    double[] q = r.current().probabilities(x);
                    int best = CrossValidatedAccuracy.argmax(q);
                    long changed = 0;
                    long both = 0;
                    if (r.previous() != null) {
                        both = 1;
                        String before = r.previousClasses().get(CrossValidatedAccuracy.argmax(r.previous().probabilities(x)));
                        changed = before.equals(r.currentClasses().get(best)) ? 0 : 1;
                    }
                    boolean left = !r.batch().contains(row.getString(0));
                    p = p.plus(new Pass(changed, both, left ? 1 - q[best] : Double.NEGATIVE_INFINITY, left ? 1 : 0));
                }
                return Collections.singletonList(p).iterator();
            }).fold(Pass.EMPTY, Pass::plus);
        } finally {
            request.destroy(false);
        }
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
