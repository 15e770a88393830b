package org.cellactive.experiment;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * curves.csv: one {@link CurveRow} per repeat, strategy and round, with
 * {@link CurveRow#HEADER} as the header. Numbers are written with Java's shortest
 * round-trip form, so reading gives back the same doubles.
 */
public final class CurvesCsv {

    public static final String FILE_NAME = "curves.csv";

    private CurvesCsv() {
    }

    public static void write(Path file, List<CurveRow> rows) throws IOException {
        Files.writeString(file, text(rows), StandardCharsets.UTF_8);
    }

    /** The file's text: the header and one line per row. */
    public static String text(List<CurveRow> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                .setHeader(CurveRow.HEADER).setRecordSeparator("\n").get())) {
            for (CurveRow r : rows) {
                out.printRecord(r.repeat(), r.strategy(), r.round(), r.labels(), number(r.ap()),
                        number(r.accuracy()), number(r.balancedAccuracy()), number(r.fitMs()), number(r.queryMs()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    /**
     * @throws IOException naming the file and the line when the header or a value is wrong
     */
    public static List<CurveRow> read(Path file) throws IOException {
        List<CurveRow> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (!in.getHeaderNames().equals(Arrays.asList(CurveRow.HEADER))) {
                throw new IOException(file + ": header " + in.getHeaderNames() + " is not "
                        + Arrays.toString(CurveRow.HEADER));
            }
            for (CSVRecord rec : in) {
                try {
                    rows.add(new CurveRow(Integer.parseInt(rec.get(0)), rec.get(1), Integer.parseInt(rec.get(2)),
                            Integer.parseInt(rec.get(3)), Double.parseDouble(rec.get(4)),
                            Double.parseDouble(rec.get(5)), Double.parseDouble(rec.get(6)),
                            Double.parseDouble(rec.get(7)), Double.parseDouble(rec.get(8))));
                } catch (RuntimeException e) {
                    throw new IOException(String.format(Locale.ROOT, "%s line %d: %s", file,
                            rec.getRecordNumber() + 1, e.getMessage()), e);
                }
            }
        }
        return rows;
    }
}
