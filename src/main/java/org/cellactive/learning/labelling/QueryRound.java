package org.cellactive.learning.labelling;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.DiverseStrategy;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.Pool;
import org.cellactive.learning.QueryStrategies;
import org.cellactive.learning.QueryStrategy;
import org.cellactive.learning.ScoredCell;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.CandidateScan;
import org.cellactive.learning.ledger.AtomicFiles;
import org.cellactive.learning.ledger.CrashPoints;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * One {@code query} round: fit on the ledger's labels (never on the cells table's
 * cell_type, which this class does not read), scan the unlabelled pool, and write the
 * next batch into the ledger and the batch folder.
 *
 * <p>A round is built in a staging folder and committed by one rename. If the ledger's
 * latest round has had no new label since it was issued, the command re-emits that round
 * instead of issuing another, so rerunning a command, killed or not, gives the same batch.
 */
public final class QueryRound {
    private final SparkSession spark;
    private final PrintStream log;

    public QueryRound(SparkSession spark, PrintStream log) {
        this.spark = spark;
        this.log = log;
    }

    public RoundInfo run(QueryOptions o) {
        LabelLedger ledger = LabelLedger.openOrCreate(o.ledgerDir(), o.classesOrNull());
        try (AutoCloseable lock = ledger.lock()) {
            ledger.removeStaleWrites();
            return runLocked(ledger, o);
        } catch (LedgerException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerException(o.ledgerDir() + ": query failed: " + e.getMessage(), e);
        }
    }

    private RoundInfo runLocked(LabelLedger ledger, QueryOptions o) throws IOException {
        List<LabelRecord> records = ledger.records();
        List<RoundInfo> rounds = ledger.rounds();
        Optional<RoundInfo> latest = rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
        if (latest.isPresent() && latest.get().labelsSeen() == records.size()) {
            RoundInfo r = latest.get();
            log.printf("query: round %d has had no new label since it was issued; writing its batch again%n", r.round());
            emit(ledger, r.round(), o.outDir());
            return r;
        }
        int round = latest.map(r -> r.round() + 1).orElse(1);

        // Ground truth must not leak into a real labelling run: drop cell_type at the door.
        Dataset<Row> cells = spark.read().parquet(o.cellsPath()).drop(AnnotationColumns.CELL_TYPE);
        FeatureColumns features = FeatureColumns.resolve(o.featureSpec(), cells.schema());
        if (!rounds.isEmpty() && !rounds.get(0).features().equals(features.columns())) {
            throw new LedgerException(ledger.dir() + ": the ledger's rounds use the features "
                    + rounds.get(0).features() + "; --features " + o.featureSpec() + " gives " + features.columns());
        }
        Map<String, LabelRecord> current = ledger.currentLabels();
        List<String> trained = new ArrayList<>();
        for (String c : ledger.classes()) {
            if (current.values().stream().anyMatch(r -> r.label().equals(c))) {
                trained.add(c);
            }
        }
        Dataset<Row> labelledKeys = spark.createDataset(new ArrayList<>(current.keySet()), Encoders.STRING())
                .toDF(AnnotationColumns.CELL_KEY);
        Dataset<Row> unlabelled = cells.join(labelledKeys,
                cells.col(AnnotationColumns.CELL_KEY).equalTo(labelledKeys.col(AnnotationColumns.CELL_KEY)),
                "left_anti");
        long poolSize = unlabelled.count();
        Path staging = ledger.stageRound(round);
        long seed = o.seed() + round;

        List<String> batchKeys;
        ScoringModel model = null;
        Double changed = null;
        Double maxUncertainty = null;
        CrossValidatedAccuracy.Result cv = new CrossValidatedAccuracy.Result(0, Double.NaN);
        String strategyName = o.strategy();
        if (trained.size() < 2) {
            strategyName = "cold-start";
            log.printf(Locale.ROOT, "query: round %d: cold start: %s labelled, so no model yet; picking a seeded"
                    + " sample of %d cells spread across images%n", round,
                    trained.isEmpty() ? "no class is" : "only class " + trained.get(0) + " is", o.batchSize());
            batchKeys = ColdStartSample.pick(unlabelled, o.batchSize(), seed);
        } else {
            ClassLabels classes = new ClassLabels(trained);
            Map<String, double[]> stored = LedgerFeatures.read(ledger, features.columns());
            List<LabelledCell> labelled = new ArrayList<>();
            for (LabelRecord r : current.values()) {
                double[] x = stored.get(r.cellKey());
                if (x == null) {
                    throw new LedgerException(ledger.dir() + ": no stored features for labelled cell " + r.cellKey());
                }
                labelled.add(new LabelledCell(r.cellKey(), classes.indexOf(r.label()), x));
            }
            log.printf("query: round %d: fitting on %d labelled cells of %s%n", round, labelled.size(), trained);
            LogisticRegressionModel fitted = new Learner(spark, o.learner(), classes).fit(labelled, null).model();
            model = ScoringModel.of(fitted);
            fitted.write().overwrite().save(staging.resolve("model").toUri().toString());
            CrashPoints.reached("model-saved");

            QueryStrategy strategy = QueryStrategies.named(o.strategy(), seed, DiverseStrategy.DEFAULT_FACTOR);
            log.printf("query: round %d: scanning %d unlabelled cells with %s%n", round, poolSize, strategy.name());
            try (Pool pool = Pool.assemble(unlabelled, features, 0)) {
                List<ScoredCell> batch = CandidateScan.nextBatch(pool, model, strategy, Set.of(), o.batchSize());
                batchKeys = batch.stream().map(ScoredCell::key).toList();
            }
            Dataset<Row> predictions = PoolPredictions.predict(spark, unlabelled, features.columns(), model, trained);
            String predictionsUri = staging.resolve(PoolPredictions.DIR).toUri().toString();
            predictions.write().parquet(predictionsUri);
            Dataset<Row> saved = spark.read().parquet(predictionsUri);
            Optional<RoundInfo> previousModel = rounds.stream().filter(r -> !r.coldStart())
                    .reduce((a, b) -> b);
            if (previousModel.isPresent()) {
                changed = PoolPredictions.changedShare(spark.read().parquet(
                        ledger.roundDir(previousModel.get().round()).resolve(PoolPredictions.DIR).toUri().toString()),
                        saved);
            }
            maxUncertainty = PoolPredictions.maxUncertainty(spark, saved, batchKeys);
            cv = CrossValidatedAccuracy.estimate(spark, o.learner(), classes, labelled, seed);
        }

        List<BatchCell> batchCells = fetch(cells, features.columns(), batchKeys);
        LedgerFeatures.write(staging, features.columns(), batchCells);
        BatchFiles.write(staging, round, ledger.classes(), trained, model, batchCells,
                new BatchCrops(spark.sparkContext().hadoopConfiguration(), o.maxImagePixels()));
        RoundInfo info = new RoundInfo(round, strategyName, o.batchSize(), o.seed(), trained.size() < 2,
                records.size(), trained, features.columns(), o.learner().describe(), poolSize, current.size(),
                changed, maxUncertainty, cv.folds() == 0 ? null : cv.accuracy(), cv.folds(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        ledger.commitRound(staging, info,
                batchCells.stream().map(c -> new LabelLedger.BatchEntry(c.cellKey(), c.imageId())).toList());
        CrashPoints.reached("round-committed");
        printSignal(info);
        emit(ledger, round, o.outDir());
        return info;
    }

    private void printSignal(RoundInfo r) {
        if (r.coldStart()) {
            log.printf("query: round %d: stopping signal: none yet (cold start)%n", r.round());
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
        log.printf("query: round %d: stopping signal: %s; %s; %s%n", r.round(), changed, uncertainty, cv);
    }

    /** The batch's rows of the cells table, in batch order (k cells: a small collect). */
    private static List<BatchCell> fetch(Dataset<Row> cells, List<String> features, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<org.apache.spark.sql.Column> select = new ArrayList<>(List.of(col(AnnotationColumns.CELL_KEY),
                col(AnnotationColumns.IMAGE_ID), col(AnnotationColumns.IMAGE_PATH),
                col(AnnotationColumns.XMIN).cast("int"), col(AnnotationColumns.YMIN).cast("int"),
                col(AnnotationColumns.XMAX).cast("int"), col(AnnotationColumns.YMAX).cast("int")));
        features.forEach(f -> select.add(col(f).cast("double")));
        List<Row> rows = cells.filter(col(AnnotationColumns.CELL_KEY).isin(keys.toArray()))
                .select(select.toArray(new org.apache.spark.sql.Column[0])).collectAsList();
        Map<String, BatchCell> byKey = new HashMap<>();
        for (Row r : rows) {
            double[] x = new double[features.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.getDouble(7 + i);
            }
            byKey.put(r.getString(0), new BatchCell(r.getString(0), r.getString(1), r.getString(2), r.getInt(3),
                    r.getInt(4), r.getInt(5), r.getInt(6), x));
        }
        List<BatchCell> out = new ArrayList<>();
        for (String k : new LinkedHashSet<>(keys)) {
            BatchCell c = byKey.get(k);
            if (c == null) {
                throw new LedgerException("cells table: batch cell " + k + " vanished between two reads");
            }
            out.add(c);
        }
        return out;
    }

    /** Copies a committed round's queries.csv and queries.html to the batch folder, atomically. */
    static void emit(LabelLedger ledger, int round, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        for (String name : List.of(BatchFiles.CSV, BatchFiles.HTML)) {
            AtomicFiles.write(outDir.resolve(name), Files.readAllBytes(ledger.roundDir(round).resolve(name)));
        }
    }
}
