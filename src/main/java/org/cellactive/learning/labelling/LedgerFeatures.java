package org.cellactive.learning.labelling;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cellactive.learning.ledger.AtomicFiles;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * The feature vectors of every cell the ledger has issued, stored with each round as
 * {@code features.csv}. With them the ledger is self-contained: the labelled set can be
 * rebuilt without the cells table it came from, so {@code score} can train on one archive's
 * labels and score another archive. Doubles are written in Java's shortest round-trip form,
 * so a refit reads back exactly the values it was first given.
 */
public final class LedgerFeatures {
    public static final String FILE = "features.csv";

    private LedgerFeatures() {
    }

    public static void write(Path roundDir, List<String> columns, List<BatchCell> cells) {
        List<String> header = new ArrayList<>();
        header.add("cell_key");
        header.addAll(columns);
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text,
                CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get())) {
            for (BatchCell c : cells) {
                List<String> row = new ArrayList<>();
                row.add(c.cellKey());
                for (double v : c.features()) {
                    row.add(Double.toString(v));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(roundDir.resolve(FILE), text.toString());
    }

    /** Features of every issued cell, by key; the columns of every round must equal {@code columns}. */
    public static Map<String, double[]> read(LabelLedger ledger, List<String> columns) {
        return read(ledger, columns, null);
    }

    /**
     * Committed rounds' features, kept by a process that reads the ledger round after round
     * ({@code serve}): a committed round's folder is never rewritten (rounds are renamed into place
     * whole, and a ledger has one writer, under its lock), so each features.csv is parsed once.
     */
    public static final class Cache {
        private final Map<Path, Map<String, double[]>> byRound = new HashMap<>();
        private List<String> columns;

        synchronized Map<String, double[]> round(Path file, List<String> wanted) {
            if (!wanted.equals(columns)) {
                byRound.clear();
                columns = List.copyOf(wanted);
            }
            return byRound.computeIfAbsent(file, f -> readRound(f, wanted));
        }
    }

    /**
     * @param cacheOrNull committed rounds already parsed, or null to read them all. The arrays are
     *                    shared with the cache: callers must not modify them.
     */
    public static Map<String, double[]> read(LabelLedger ledger, List<String> columns, Cache cacheOrNull) {
        Map<String, double[]> out = new HashMap<>();
        for (RoundInfo round : ledger.rounds()) {
            Path file = ledger.roundDir(round.round()).resolve(FILE);
            out.putAll(cacheOrNull == null ? readRound(file, columns) : cacheOrNull.round(file, columns));
        }
        return out;
    }

    private static Map<String, double[]> readRound(Path file, List<String> columns) {
        Map<String, double[]> out = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.subList(1, header.size()).equals(columns)) {
                throw new LedgerException(file + ": features " + header.subList(1, header.size())
                        + " differ from " + columns);
            }
            for (CSVRecord r : parser) {
                double[] x = new double[columns.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Double.parseDouble(r.get(i + 1));
                }
                out.put(r.get(0), x);
            }
        } catch (IOException | NumberFormatException e) {
            throw new LedgerException(file + ": corrupt feature file: " + e.getMessage(), e);
        }
        return out;
    }
}
