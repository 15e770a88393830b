package org.cellactive.serve;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.DiverseStrategy;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.FeatureScale;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Pool;
import org.cellactive.learning.PoolCell;
import org.cellactive.learning.QueryStrategies;
import org.cellactive.learning.QueryStrategy;
import org.cellactive.learning.ScoredCell;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.labelling.BatchCell;
import org.cellactive.learning.labelling.BatchCrops;
import org.cellactive.learning.labelling.CrossValidatedAccuracy;
import org.cellactive.learning.labelling.DriverWork;
import org.cellactive.learning.labelling.LedgerFeatures;
import org.cellactive.learning.labelling.ModelFile;
import org.cellactive.learning.labelling.ModelFit;
import org.cellactive.learning.labelling.RoundCommit;
import org.cellactive.learning.labelling.RoundStart;
import org.cellactive.learning.labelling.RoundSteps;
import org.cellactive.learning.labelling.StoppingSignals;
import org.cellactive.learning.labelling.TrainingSet;
import org.cellactive.learning.ledger.AtomicFiles;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * {@code serve}'s rounds: {@code query}'s steps ({@link RoundSteps}), taken again and again in
 * one JVM. The cells table (keys, boxes, features) and the pool are cached once, at start;
 * a round excludes the answered cells from its scan instead of rebuilding the pool, and
 * warm-starts its fit from the last model over the same classes.
 */
final class LiveRound implements AutoCloseable {
    private final SparkSession spark;
    private final RoundSteps steps;
    private final ServeOptions options;
    private final FeatureColumns features;
    private final Dataset<Row> cells;
    private final Map<String, Place> places;
    private final Pool pool;
    private final BatchCrops crops;
    /** The cross-validation's folds and the batch's images, beside the Spark jobs. */
    private final DriverWork work = DriverWork.pooled();
    /** Committed rounds' features.csv, parsed once per session. */
    private final LedgerFeatures.Cache featureCache = new LedgerFeatures.Cache();
    /** The last fit of this session, to warm-start the next one from. */
    private LogisticRegressionModel lastModel;
    private ScoringModel lastCoefficients;
    private List<String> lastModelClasses = List.of();

    /**
     * What one round cost, in milliseconds; round is the whole, as the server saw it.
     *
     * <p>After the scan, three things run at once: the pass over the pool (a Spark job, on the
     * request's thread), the cross-validation's folds and the batch's crops (on the
     * {@link DriverWork} pool). {@code signal} is the time until the pass and the folds are both
     * done, {@code pass} the job alone, {@code cv} and {@code crops} the time until the last fold
     * and the last crop were done, all from the same start. {@code page} is crops + files (features.csv,
     * queries.csv, queries.html) + commit (batch.csv, round.json, the rename): it overlaps the signal,
     * so the parts add up to more than the round.
     */
    record Timings(long fitMs, long saveMs, long scanMs, long signalMs, long passMs, long cvMs, long cropsMs,
                   long filesMs, long commitMs, long pageMs, long roundMs, String solver, int iterations) {
    }

    /** A value from the driver pool and the milliseconds from a start until it was ready. */
    private record Timed<T>(T value, long ms) {
        static <T> CompletableFuture<Timed<T>> of(CompletableFuture<T> f, long startNanos) {
            return f.thenApply(v -> new Timed<>(v, LiveRound.ms(startNanos)));
        }
    }

    /** Where a cell is: its image and VOC box. */
    private record Place(String imageId, String imagePath, int xmin, int ymin, int xmax, int ymax) {
    }

    /** A round shown to the person, with its cost when this server issued it (null when found in the ledger). */
    record Shown(BatchView view, RoundInfo info, Timings timingsOrNull) {
    }

    private LiveRound(SparkSession spark, RoundSteps steps, ServeOptions options, FeatureColumns features,
                      Dataset<Row> cells, Map<String, Place> places, Pool pool) {
        this.spark = spark;
        this.places = places;
        this.steps = steps;
        this.options = options;
        this.features = features;
        this.cells = cells;
        this.pool = pool;
        this.crops = new BatchCrops(spark.sparkContext().hadoopConfiguration(), options.maxImagePixels());
    }

    /** Reads and caches the cells table and the pool. Call under the ledger lock. */
    static LiveRound open(SparkSession spark, PrintStream log, LabelLedger ledger, ServeOptions o) {
        RoundSteps steps = new RoundSteps(spark, log, "serve");
        Dataset<Row> table = steps.cellsTable(o.cellsPath());
        FeatureColumns features = RoundSteps.features(ledger, ledger.rounds(), o.featureSpec(), table);
        List<Column> keep = new ArrayList<>(List.of(col(AnnotationColumns.CELL_KEY), col(AnnotationColumns.IMAGE_ID),
                col(AnnotationColumns.IMAGE_PATH), col(AnnotationColumns.XMIN), col(AnnotationColumns.YMIN),
                col(AnnotationColumns.XMAX), col(AnnotationColumns.YMAX)));
        features.columns().forEach(f -> keep.add(col(f)));
        Dataset<Row> cells = table.select(keep.toArray(new Column[0])).persist(StorageLevel.MEMORY_ONLY());
        // Keys, images and boxes on the driver (a hundred bytes or so a cell): a round counts the
        // unanswered cells and finds its batch's rows without planning a query.
        Map<String, Place> places = new HashMap<>();
        for (Row r : cells.select(col(AnnotationColumns.CELL_KEY), col(AnnotationColumns.IMAGE_ID),
                col(AnnotationColumns.IMAGE_PATH), col(AnnotationColumns.XMIN).cast("int"),
                col(AnnotationColumns.YMIN).cast("int"), col(AnnotationColumns.XMAX).cast("int"),
                col(AnnotationColumns.YMAX).cast("int")).collectAsList()) {
            places.put(r.getString(0), new Place(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), r.getInt(5),
                    r.getInt(6)));
        }
        if (places.isEmpty()) {
            cells.unpersist(false);
            throw new IllegalArgumentException(o.cellsPath() + ": the cells table is empty");
        }
        Pool pool = Pool.assemble(cells, features, 0);
        log.printf("serve: %d cells cached (%d feature columns)%n", pool.count(), features.size());
        LiveRound live = new LiveRound(spark, steps, o, features, cells, places, pool);
        live.loadLastModel(ledger, RoundStart.read(ledger));
        return live;
    }

    private void loadLastModel(LabelLedger ledger, RoundStart start) {
        start.latestModelRound().flatMap(r -> ModelFile.read(ledger.roundDir(r.round()))).ifPresent(saved -> {
            lastCoefficients = saved.model();
            lastModelClasses = saved.classes();
        });
    }

    FeatureColumns features() {
        return features;
    }

    /** The latest model's coefficients (this server's or the ledger's), or null before any. */
    ScoringModel lastCoefficients() {
        return lastCoefficients;
    }

    List<String> lastModelClasses() {
        return lastModelClasses;
    }

    FeatureScale scale() {
        return pool.scale();
    }

    /** The latest committed round, as it is; null when the ledger has none. Call under the ledger lock. */
    Shown current(LabelLedger ledger) {
        Optional<RoundInfo> latest = RoundStart.read(ledger).latest();
        return latest.map(r -> new Shown(view(ledger, r), r, null)).orElse(null);
    }

    /**
     * The next round: the latest again when no label arrived since it was issued, else a new
     * one, committed to the ledger before it is returned. Call under the ledger lock.
     */
    Shown next(LabelLedger ledger) throws IOException {
        long t0 = System.nanoTime();
        RoundStart start = RoundStart.read(ledger);
        if (start.unchangedLatest().isPresent()) {
            RoundInfo r = start.unchangedLatest().get();
            return new Shown(view(ledger, r), r, null);
        }
        int round = start.nextRound();
        TrainingSet training = TrainingSet.of(ledger, start.current());
        Set<String> answered = training.answeredKeys();
        long poolSize = places.size() - answered.stream().filter(places::containsKey).count();
        Path staging = ledger.stageRound(round);
        try {
            return issue(ledger, start, round, training, answered, poolSize, staging, t0);
        } catch (RuntimeException | IOException e) {
            // The server outlives a failed round; its half-built folder must not wait for the next start.
            AtomicFiles.deleteTree(staging);
            throw e;
        }
    }

    private Shown issue(LabelLedger ledger, RoundStart start, int round, TrainingSet training, Set<String> answered,
                        long poolSize, Path staging, long t0) throws IOException {
        long seed = options.seed() + round;
        RoundInfo.Builder info = RoundInfo.builder(round).coldStart(!training.canFit())
                .ledgerState(start.records().size(), training.labelledCount())
                .model(training.trainedClasses(), features.columns(), options.learner().describe()).poolSize(poolSize);
        long fit = 0;
        long save = 0;
        long scan = 0;
        long signal = 0;
        long pass = 0;
        long cv = 0;
        int iterations = 0;
        String solver = "none";
        List<String> batchKeys;
        List<BatchCell> batchCells;
        ScoringModel model = null;
        Timed<Map<String, BatchCrops.Result>> images;
        if (!training.canFit()) {
            info.picking("cold-start", options.batchSize(), options.seed());
            long s = System.nanoTime();
            batchKeys = steps.coldStart(round, steps.unlabelled(cells, answered), training, options.batchSize(), seed);
            scan = ms(s);
            s = System.nanoTime();
            batchCells = rows(batchKeys);
            images = DriverWork.join(Timed.of(crops.start(batchCells, work.executor()), s));
        } else {
            info.picking(options.strategy(), options.batchSize(), options.seed());
            long s = System.nanoTime();
            List<LabelledCell> labelled = training.cells(features.columns(), featureCache);
            LogisticRegressionModel initial = lastModel != null && training.trainedClasses().equals(lastModelClasses)
                    ? lastModel : null;
            ModelFit.Fitted fitted = steps.fit(round, training, labelled, options.learner(), initial);
            iterations = fitted.iterations();
            solver = fitted.solver().cliName();
            fit = ms(s);
            s = System.nanoTime();
            steps.saveModel(fitted.model(), training.trainedClasses(), staging, false);
            save = ms(s);
            model = ScoringModel.of(fitted.model());
            s = System.nanoTime();
            QueryStrategy strategy = QueryStrategies.named(options.strategy(), seed, DiverseStrategy.DEFAULT_FACTOR);
            List<ScoredCell> picked = steps.scan(round, pool, poolSize, model, strategy, answered, options.batchSize());
            batchKeys = picked.stream().map(ScoredCell::key).toList();
            // The scan hands back each picked cell's features: no job to fetch them again.
            batchCells = picked.stream().map(c -> batchCell(c.key(), c.features())).toList();
            scan = ms(s);
            s = System.nanoTime();
            CompletableFuture<Timed<CrossValidatedAccuracy.Result>> folds = Timed.of(CrossValidatedAccuracy.start(
                    spark, options.learner(), training.classes(), labelled, seed, work.executor()), s);
            CompletableFuture<Timed<Map<String, BatchCrops.Result>>> cropping =
                    Timed.of(crops.start(batchCells, work.executor()), s);
            StoppingSignals.PoolSignal sig = StoppingSignals.poolSignal(spark, ledger, start, pool, cells, answered,
                    features.columns(), model, training.trainedClasses(), batchKeys, null);
            pass = ms(s);
            Timed<CrossValidatedAccuracy.Result> accuracy = DriverWork.join(folds);
            cv = accuracy.ms();
            CrossValidatedAccuracy.Result result = accuracy.value();
            info.signal(sig.changedShare(), sig.maxUncertainty(), result.folds() == 0 ? null : result.accuracy(),
                    result.folds());
            signal = ms(s);
            images = DriverWork.join(cropping);
            lastModel = fitted.model();
            lastCoefficients = model;
            lastModelClasses = training.trainedClasses();
        }
        RoundCommit.Committed committed = RoundCommit.commit(ledger, staging, batchCells, features.columns(),
                training.trainedClasses(), model, images.value(), info);
        steps.printSignal(committed.info());
        BatchView view = BatchView.load(ledger, round, committed.info().coldStart(), committed.cells(),
                committed.crops());
        RoundCommit.Cost cost = committed.cost();
        return new Shown(view, committed.info(), new Timings(fit, save, scan, signal, pass, cv, images.ms(),
                cost.filesMs(), cost.ledgerMs(), images.ms() + cost.filesMs() + cost.ledgerMs(), ms(t0), solver,
                iterations));
    }

    /** The batch of a committed round, with its rows and crops read again. */
    private BatchView view(LabelLedger ledger, RoundInfo r) {
        List<String> keys = ledger.batch(r.round()).stream().map(LabelLedger.BatchEntry::cellKey).toList();
        List<BatchCell> rows = rows(keys);
        return BatchView.load(ledger, r.round(), r.coldStart(), rows, DriverWork.join(crops.start(rows, work.executor())));
    }

    /** The batch's rows: place from the driver's index, features from the cached pool (one job). */
    private List<BatchCell> rows(List<String> batchKeys) {
        List<BatchCell> out = new ArrayList<>();
        for (PoolCell c : pool.fetch(batchKeys)) {
            out.add(batchCell(c.key(), c.features()));
        }
        return out;
    }

    /** A batch cell: place from the driver's index, features as given. */
    private BatchCell batchCell(String key, double[] features) {
        Place p = places.get(key);
        return new BatchCell(key, p.imageId(), p.imagePath(), p.xmin(), p.ymin(), p.xmax(), p.ymax(), features);
    }

    /** Any cell of the table, for its crop (without features); empty when the key is not in the table. */
    Optional<BatchCell> lookup(String cellKey) {
        Place p = places.get(cellKey);
        return p == null ? Optional.empty() : Optional.of(new BatchCell(cellKey, p.imageId(), p.imagePath(), p.xmin(),
                p.ymin(), p.xmax(), p.ymax(), new double[0]));
    }

    BatchCrops crops() {
        return crops;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        work.close();
        pool.close();
        cells.unpersist(false);
    }
}
