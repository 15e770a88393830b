package org.cellactive.learning.ledger;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * queries.csv: one row per cell of the batch with its key, image, VOC box, the model's
 * probability of each class ({@code p_CLASS}, empty in cold start) and an empty
 * {@code label} column for a person to fill in. Text cells are guarded against
 * spreadsheet formulas; {@code label} reads the file back as answers.
 */
public final class QueriesCsv {
    private QueriesCsv() {
    }

    public static String render(List<String> classes, List<QueryItem> items) {
        List<String> header = new ArrayList<>(List.of("cell_key", "image_id", "xmin", "ymin", "xmax", "ymax"));
        for (String c : classes) {
            header.add(SpreadsheetText.guard("p_" + c));
        }
        header.add("label");
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out,
                CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get())) {
            for (QueryItem item : items) {
                List<String> row = new ArrayList<>();
                row.add(SpreadsheetText.guard(item.cellKey()));
                row.add(SpreadsheetText.guard(item.imageId()));
                row.add(Integer.toString(item.xmin()));
                row.add(Integer.toString(item.ymin()));
                row.add(Integer.toString(item.xmax()));
                row.add(Integer.toString(item.ymax()));
                for (int i = 0; i < classes.size(); i++) {
                    row.add(item.probabilities() == null ? "" : probability(item.probabilities()[i]));
                }
                row.add("");
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Six decimals: enough to rank by, and stable across reruns of the same fit. */
    static String probability(double p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }
}
