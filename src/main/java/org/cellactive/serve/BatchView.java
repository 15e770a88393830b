package org.cellactive.serve;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cellactive.learning.labelling.BatchCell;
import org.cellactive.learning.labelling.BatchCrops;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.QueryItem;
import org.cellactive.learning.ledger.SpreadsheetText;

/**
 * The batch a person is answering: a committed round's cells as the page shows them, and
 * their crops in memory. Built the same way for a round issued by this server and for one
 * found in the ledger at start (issued by {@code query} or an earlier {@code serve}): the
 * probabilities come from the round's queries.csv, the boxes and images from the cells table.
 */
public record BatchView(int round, boolean coldStart, List<Cell> cells, Map<String, BatchCrops.Result> crops) {

    /**
     * One cell of the batch.
     *
     * @param box           VOC corners: xmin, ymin, xmax, ymax
     * @param probabilities ledger class → p, in ledger order; null in cold start
     */
    public record Cell(String cellKey, String imageId, int[] box, Map<String, Double> probabilities) {
    }

    /** @param cells the round's rows of the cells table, in batch order */
    public static BatchView load(LabelLedger ledger, int round, boolean coldStart, List<BatchCell> cells,
                                 Map<String, BatchCrops.Result> crops) {
        Map<String, Map<String, Double>> p = probabilities(ledger, round);
        List<Cell> out = new ArrayList<>();
        for (BatchCell c : cells) {
            out.add(new Cell(c.cellKey(), c.imageId(), new int[] {c.xmin(), c.ymin(), c.xmax(), c.ymax()},
                    p.get(c.cellKey())));
        }
        return new BatchView(round, coldStart, List.copyOf(out), Map.copyOf(crops));
    }

    /** The crop of a batch cell, or null when the key is not in this batch. */
    public QueryItem.ContextCrop crop(String cellKey) {
        BatchCrops.Result r = crops.get(cellKey);
        return r == null ? null : r.crop();
    }

    public String cropProblem(String cellKey) {
        BatchCrops.Result r = crops.get(cellKey);
        return r == null ? null : r.problem();
    }

    /** The p_CLASS columns of the round's queries.csv, by cell key; empty columns (cold start) give null. */
    private static Map<String, Map<String, Double>> probabilities(LabelLedger ledger, int round) {
        Path file = ledger.roundDir(round).resolve("queries.csv");
        List<String> classes = ledger.classes();
        Map<String, Map<String, Double>> out = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                // Columns by position: cell_key, image_id, 4 box corners, then one p_ column per ledger class.
                String key = SpreadsheetText.unguard(r.get(0));
                if (r.get(6).isEmpty()) {
                    out.put(key, null);
                    continue;
                }
                Map<String, Double> p = new LinkedHashMap<>();
                for (int j = 0; j < classes.size(); j++) {
                    p.put(classes.get(j), Double.parseDouble(r.get(6 + j)));
                }
                out.put(key, p);
            }
        } catch (IOException | RuntimeException e) {
            throw new LedgerException(file + ": unreadable batch file: " + e.getMessage(), e);
        }
        return out;
    }
}
