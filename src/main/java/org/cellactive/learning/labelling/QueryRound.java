package org.cellactive.learning.labelling;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.DiverseStrategy;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Pool;
import org.cellactive.learning.QueryStrategies;
import org.cellactive.learning.QueryStrategy;
import org.cellactive.learning.ScoredCell;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.ledger.AtomicFiles;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * One {@code query} round: fit on the ledger's labels (never on the cells table's
 * cell_type, which is dropped as the table is read), scan the unlabelled pool, and write the
 * next batch into the ledger and the batch folder. The steps are {@link RoundSteps}', which
 * {@code serve} shares.
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
        RoundSteps steps = new RoundSteps(spark, log, "query");
        StepClock clock = new StepClock();
        RoundStart start = RoundStart.read(ledger);
        if (start.unchangedLatest().isPresent()) {
            RoundInfo r = start.unchangedLatest().get();
            log.printf("query: round %d has had no new label since it was issued; writing its batch again%n", r.round());
            emit(ledger, r.round(), o.outDir());
            return r;
        }
        int round = start.nextRound();
        Dataset<Row> cells = steps.cellsTable(o.cellsPath());
        FeatureColumns features = RoundSteps.features(ledger, start.rounds(), o.featureSpec(), cells);
        TrainingSet training = TrainingSet.of(ledger, start.current());
        Dataset<Row> unlabelled = steps.unlabelled(cells, training.answeredKeys());
        long poolSize = unlabelled.count();
        clock.lap("read");
        Path staging = ledger.stageRound(round);
        long seed = o.seed() + round;
        RoundInfo.Builder info = RoundInfo.builder(round).coldStart(!training.canFit())
                .ledgerState(start.records().size(), training.labelledCount())
                .model(training.trainedClasses(), features.columns(), o.learner().describe()).poolSize(poolSize);

        List<String> batchKeys;
        ScoringModel model = null;
        if (!training.canFit()) {
            info.picking("cold-start", o.batchSize(), o.seed());
            batchKeys = steps.coldStart(round, unlabelled, training, o.batchSize(), seed);
            clock.lap("cold-start sample");
        } else {
            info.picking(o.strategy(), o.batchSize(), o.seed());
            List<LabelledCell> labelled = training.cells(features.columns());
            ModelFit.Fitted fitted = steps.fit(round, training, labelled, o.learner(), null);
            clock.lap("fit");
            steps.saveModel(fitted.model(), training.trainedClasses(), staging, true);
            clock.lap("save model");
            model = ScoringModel.of(fitted.model());
            QueryStrategy strategy = QueryStrategies.named(o.strategy(), seed, DiverseStrategy.DEFAULT_FACTOR);
            StoppingSignals.Signal signal;
            try (Pool pool = Pool.assemble(unlabelled, features, 0); DriverWork work = DriverWork.pooled()) {
                batchKeys = steps.scan(round, pool, poolSize, model, strategy, Set.of(), o.batchSize()).stream()
                        .map(ScoredCell::key).toList();
                clock.lap("scan");
                signal = StoppingSignals.measure(spark, ledger, start, pool, unlabelled, Set.of(), features.columns(),
                        model, training.trainedClasses(), batchKeys, staging.resolve(PoolPredictions.DIR), o.learner(),
                        training.classes(), labelled, seed, work.executor());
            }
            info.signal(signal.changedShare(), signal.maxUncertainty(), signal.cvAccuracyOrNull(), signal.cv().folds());
            clock.lap("stopping signal");
        }
        RoundInfo committed = RoundCommit.commit(ledger, staging, cells, features.columns(), batchKeys,
                training.trainedClasses(), model, new BatchCrops(spark.sparkContext().hadoopConfiguration(),
                        o.maxImagePixels()), info).info();
        steps.printSignal(committed);
        emit(ledger, round, o.outDir());
        clock.lap("batch files");
        log.printf("query: round %d took %s: %s%n", round, seconds(clock.totalSeconds()), clock.describe());
        return committed;
    }

    static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.2f s", s);
    }

    /** Copies a committed round's queries.csv and queries.html to the batch folder, atomically. */
    static void emit(LabelLedger ledger, int round, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        for (String name : List.of(BatchFiles.CSV, BatchFiles.HTML)) {
            AtomicFiles.write(outDir.resolve(name), Files.readAllBytes(ledger.roundDir(round).resolve(name)));
        }
    }
}
