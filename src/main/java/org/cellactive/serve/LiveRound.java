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
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.labelling.BatchCell;
import org.cellactive.learning.labelling.BatchCrops;
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
    /** The last fit of this session, to warm-start the next one from. */
    private LogisticRegressionModel lastModel;
    private ScoringModel lastCoefficients;
    private List<String> lastModelClasses = List.of();

    /**
     * What one round cost, in milliseconds: the fit, the model's save, the scan, the stopping
     * signal, and the page data (batch rows, crops, batch files, commit); round is the whole.
     */
    record Timings(long fitMs, long saveMs, long scanMs, long signalMs, long pageMs, long roundMs, String solver,
                   int iterations) {
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
        int iterations = 0;
        String solver = "none";
        List<String> batchKeys;
        ScoringModel model = null;
        if (!training.canFit()) {
            info.picking("cold-start", options.batchSize(), options.seed());
            long s = System.nanoTime();
            batchKeys = steps.coldStart(round, steps.unlabelled(cells, answered), training, options.batchSize(), seed);
            scan = ms(s);
        } else {
            info.picking(options.strategy(), options.batchSize(), options.seed());
            long s = System.nanoTime();
            List<LabelledCell> labelled = training.cells(features.columns());
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
            batchKeys = steps.scan(round, pool, poolSize, model, strategy, answered, options.batchSize());
            scan = ms(s);
            s = System.nanoTime();
            StoppingSignals.Signal sig = StoppingSignals.measure(spark, ledger, start, cells, answered, features.columns(),
                    model, training.trainedClasses(), batchKeys, null, options.learner(), training.classes(),
                    labelled, seed);
            info.signal(sig.changedShare(), sig.maxUncertainty(), sig.cvAccuracyOrNull(), sig.cv().folds());
            signal = ms(s);
            lastModel = fitted.model();
            lastCoefficients = model;
            lastModelClasses = training.trainedClasses();
        }
        long s = System.nanoTime();
        RoundCommit.Committed committed = RoundCommit.commit(ledger, staging, rows(batchKeys), features.columns(),
                training.trainedClasses(), model, crops, info);
        steps.printSignal(committed.info());
        BatchView view = BatchView.load(ledger, round, committed.info().coldStart(), committed.cells(),
                committed.crops());
        long page = ms(s);
        return new Shown(view, committed.info(), new Timings(fit, save, scan, signal, page, ms(t0), solver, iterations));
    }

    /** The batch of a committed round, with its rows and crops read again. */
    private BatchView view(LabelLedger ledger, RoundInfo r) {
        List<String> keys = ledger.batch(r.round()).stream().map(LabelLedger.BatchEntry::cellKey).toList();
        List<BatchCell> rows = rows(keys);
        return BatchView.load(ledger, r.round(), r.coldStart(), rows, crops.crops(rows));
    }

    /** The batch's rows: place from the driver's index, features from the cached pool (one job). */
    private List<BatchCell> rows(List<String> batchKeys) {
        List<BatchCell> out = new ArrayList<>();
        for (PoolCell c : pool.fetch(batchKeys)) {
            Place p = places.get(c.key());
            out.add(new BatchCell(c.key(), p.imageId(), p.imagePath(), p.xmin(), p.ymin(), p.xmax(), p.ymax(),
                    c.features()));
        }
        return out;
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
        pool.close();
        cells.unpersist(false);
    }
}
