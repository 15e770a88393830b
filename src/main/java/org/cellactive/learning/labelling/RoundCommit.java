package org.cellactive.learning.labelling;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.ledger.CrashPoints;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * The last step of a round: the batch's rows of the cells table, their features (so the
 * ledger can train without the table), queries.csv and queries.html, and round.json, all in
 * the staging folder, which is then renamed into place. Before the rename nothing is
 * committed; after it, the whole round is.
 */
public final class RoundCommit {
    private RoundCommit() {
    }

    /**
     * A committed round: its record, its cells (table rows) and their crops, in batch order, and
     * what the commit cost.
     */
    public record Committed(RoundInfo info, List<BatchCell> cells, Map<String, BatchCrops.Result> crops, Cost cost) {
    }

    /**
     * Milliseconds: writing features.csv, queries.csv and queries.html into the staging folder
     * (each written and fsynced atomically); then the ledger's commit (batch.csv, round.json, the rename).
     */
    public record Cost(long filesMs, long ledgerMs) {
    }

    /**
     * @param modelOrNull the round's model, or null in cold start (no probabilities shown)
     * @param info        the round record so far; the creation time is set here
     */
    public static Committed commit(LabelLedger ledger, java.nio.file.Path staging, Dataset<Row> cells,
                                   List<String> features, List<String> batchKeys, List<String> trained,
                                   ScoringModel modelOrNull, BatchCrops crops, RoundInfo.Builder info) {
        return commit(ledger, staging, fetch(cells, features, batchKeys), features, trained, modelOrNull, crops, info);
    }

    /** @param batchCells the batch's rows of the cells table, in pick order, fetched by the caller */
    public static Committed commit(LabelLedger ledger, java.nio.file.Path staging, List<BatchCell> batchCells,
                                   List<String> features, List<String> trained, ScoringModel modelOrNull,
                                   BatchCrops crops, RoundInfo.Builder info) {
        return commit(ledger, staging, batchCells, features, trained, modelOrNull, crops.crops(batchCells), info);
    }

    /** @param images the batch's crops, by cell key, made by the caller ({@link BatchCrops#start}) */
    public static Committed commit(LabelLedger ledger, java.nio.file.Path staging, List<BatchCell> batchCells,
                                   List<String> features, List<String> trained, ScoringModel modelOrNull,
                                   Map<String, BatchCrops.Result> images, RoundInfo.Builder info) {
        long t0 = System.nanoTime();
        LedgerFeatures.write(staging, features, batchCells);
        RoundInfo round = info.createdAt(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).build();
        BatchFiles.write(staging, round.round(), ledger.classes(), trained, modelOrNull, batchCells, images);
        long t1 = System.nanoTime();
        ledger.commitRound(staging, round,
                batchCells.stream().map(c -> new LabelLedger.BatchEntry(c.cellKey(), c.imageId())).toList());
        CrashPoints.reached("round-committed");
        long t2 = System.nanoTime();
        return new Committed(round, batchCells, images, new Cost((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
    }

    /** The rows of the cells table with these keys, in the order given (k cells: a small collect). */
    public static List<BatchCell> fetch(Dataset<Row> cells, List<String> features, List<String> keys) {
        Map<String, BatchCell> byKey = rows(cells, features, keys);
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

    private static Map<String, BatchCell> rows(Dataset<Row> cells, List<String> features, List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Column> select = new ArrayList<>(List.of(col(AnnotationColumns.CELL_KEY),
                col(AnnotationColumns.IMAGE_ID), col(AnnotationColumns.IMAGE_PATH),
                col(AnnotationColumns.XMIN).cast("int"), col(AnnotationColumns.YMIN).cast("int"),
                col(AnnotationColumns.XMAX).cast("int"), col(AnnotationColumns.YMAX).cast("int")));
        features.forEach(f -> select.add(col(f).cast("double")));
        List<Row> rows = cells.filter(col(AnnotationColumns.CELL_KEY).isin(keys.toArray()))
                .select(select.toArray(new Column[0])).collectAsList();
        Map<String, BatchCell> byKey = new HashMap<>();
        for (Row r : rows) {
            double[] x = new double[features.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.getDouble(7 + i);
            }
            byKey.put(r.getString(0), new BatchCell(r.getString(0), r.getString(1), r.getString(2), r.getInt(3),
                    r.getInt(4), r.getInt(5), r.getInt(6), x));
        }
        return byKey;
    }
}
