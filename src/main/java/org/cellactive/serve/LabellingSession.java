package org.cellactive.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.labelling.BatchCell;
import org.cellactive.learning.labelling.BatchCrops;
import org.cellactive.learning.labelling.TrainingSet;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.LiveAnswers;
import org.cellactive.learning.ledger.RoundInfo;
import org.cellactive.learning.ledger.SpreadsheetText;

/**
 * A ledger held open for live labelling: its write lock is taken at start and kept until
 * {@link #close}, so a second {@code serve} or {@code query} fails fast. Every call that reads
 * or writes the ledger runs under one in-process lock, so concurrent requests are applied one
 * at a time, each on the ledger as the previous one left it.
 */
public final class LabellingSession implements AutoCloseable {
    private final LabelLedger ledger;
    private final AutoCloseable fileLock;
    private final LiveRound rounds;
    private final LiveAnswers answers;
    private final ReentrantLock serial = new ReentrantLock(true);
    /** Read without the lock, so the page's crops load while a refit runs; replaced under it. */
    private volatile BatchView batch;
    private LiveRound.Timings lastTimings;

    private LabellingSession(LabelLedger ledger, AutoCloseable fileLock, LiveRound rounds, LiveAnswers answers) {
        this.ledger = ledger;
        this.fileLock = fileLock;
        this.rounds = rounds;
        this.answers = answers;
    }

    /**
     * Opens (or creates) the ledger, takes its lock, caches the pool, and shows the latest
     * round, issuing round 1 when the ledger has none.
     *
     * @throws LedgerException when another command holds the ledger (naming its lock file)
     */
    public static LabellingSession open(SparkSession spark, ServeOptions o, PrintStream log, Clock clock) {
        LabelLedger ledger = LabelLedger.openOrCreate(o.ledgerDir(), o.classesOrNull());
        AutoCloseable lock = ledger.lock();
        try {
            ledger.removeStaleWrites();
            LiveRound rounds = LiveRound.open(spark, log, ledger, o);
            LabellingSession session = new LabellingSession(ledger, lock, rounds,
                    new LiveAnswers(ledger, o.annotator(), clock));
            LiveRound.Shown shown = rounds.current(ledger);
            if (shown == null) {
                shown = rounds.next(ledger);
                session.lastTimings = shown.timingsOrNull();
            }
            session.batch = shown.view();
            return session;
        } catch (RuntimeException | IOException e) {
            closeQuietly(lock);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException(e.getMessage(), (IOException) e);
        }
    }

    public List<String> classes() {
        return ledger.classes();
    }

    /** The batch being answered. */
    public BatchView batch() {
        return batch;
    }

    /** Current labels of the batch's cells that have been answered (class, or unsure). */
    public Map<String, String> answersInBatch() {
        return locked(() -> {
            Map<String, LabelRecord> current = ledger.currentLabels();
            Map<String, String> out = new LinkedHashMap<>();
            for (BatchView.Cell c : batch.cells()) {
                LabelRecord r = current.get(c.cellKey());
                if (r != null && !r.isWithdrawn()) {
                    out.put(c.cellKey(), r.isUnsure() ? null : r.label());
                }
            }
            return out;
        });
    }

    /** Records answers; returns once the accepted ones are on disk. */
    public LiveAnswers.Outcome post(List<LiveAnswers.Answer> given) {
        return locked(() -> answers.post(given));
    }

    /** Takes back a cell's latest answer (see {@link LiveAnswers#undo}). */
    public LabelRecord undo(String cellKey) {
        return locked(() -> answers.undo(cellKey));
    }

    /** Refits and scans now, unless no label arrived since the batch was issued; returns the batch to show. */
    public BatchView next() {
        return locked(() -> {
            try {
                LiveRound.Shown shown = rounds.next(ledger);
                if (shown.timingsOrNull() != null) {
                    lastTimings = shown.timingsOrNull();
                }
                batch = shown.view();
                return batch;
            } catch (IOException e) {
                throw new UncheckedIOException(ledger.dir() + ": next round failed: " + e.getMessage(), e);
            }
        });
    }

    /** What the status call reports: rounds, labels, signals, weights, timings. */
    public Status status() {
        return locked(() -> {
            TrainingSet training = TrainingSet.of(ledger, ledger.currentLabels());
            long unsure = ledger.currentLabels().values().stream().filter(LabelRecord::isUnsure).count();
            List<TopWeights.Weight> weights = rounds.lastCoefficients() == null ? List.of()
                    : TopWeights.of(rounds.lastCoefficients(), rounds.lastModelClasses(), rounds.features().columns(),
                            rounds.scale(), 10);
            return new Status(batch.round(), training.perClass(), unsure, ledger.rounds(), weights, lastTimings);
        });
    }

    /**
     * @param timingsOrNull the last round this server issued, null before it issued one
     */
    public record Status(int round, Map<String, Integer> labelsPerClass, long unsure, List<RoundInfo> rounds,
                         List<TopWeights.Weight> topWeights, LiveRound.Timings timingsOrNull) {
    }

    /**
     * A cell's crop in context, looked up through the cells table only: the batch's crops are
     * in memory, any other key is searched in the cached table. Empty for an unknown key.
     */
    public Optional<BatchCrops.Result> crop(String cellKey) {
        BatchView b = batch();
        if (b.crops().containsKey(cellKey)) {
            return Optional.of(b.crops().get(cellKey));
        }
        Optional<BatchCell> row = rounds.lookup(cellKey);
        return row.map(c -> rounds.crops().crops(List.of(c)).get(c.cellKey()));
    }

    /** The ledger's current labels as CSV (unsure answers included, undone ones left out). */
    public String labelsCsv() {
        List<LabelRecord> current = locked(() -> new ArrayList<>(ledger.currentLabels().values()));
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder()
                .setHeader("cell_key", "label", "annotator", "answered_at", "round", "relabel", "source").get())) {
            for (LabelRecord r : current) {
                if (r.isWithdrawn()) {
                    continue;
                }
                printer.printRecord(SpreadsheetText.guard(r.cellKey()),
                        r.isUnsure() ? "unsure" : SpreadsheetText.guard(r.label()),
                        SpreadsheetText.guard(r.annotator()), r.answeredAt(), r.round(), r.relabel(),
                        SpreadsheetText.guard(r.source()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        serial.lock();
        try {
            return action.get();
        } finally {
            serial.unlock();
        }
    }

    /** Releases the cached pool and the ledger's lock; waits for a call in progress to end. */
    @Override
    public void close() {
        serial.lock();
        try {
            rounds.close();
        } catch (RuntimeException e) {
            // At JVM shutdown Spark's own hook may have stopped the context first; the cache went with it.
        } finally {
            closeQuietly(fileLock);
            serial.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // The OS releases the lock when the process ends in any case.
        }
    }
}
