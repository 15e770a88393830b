package org.cellactive.learning.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The append-only label ledger: the only source of labels for {@code query} and {@code score}.
 *
 * <pre>
 * LEDGER/
 *   ledger.json            the class list, fixed when the ledger is created
 *   ledger.lock            held while a command writes, so two writers cannot interleave
 *   labels/000001.csv ...  one file per import that changed something; never rewritten
 *   rounds/0001/ ...       one folder per issued batch: round.json, batch.csv, queries.csv,
 *                          queries.html, and after a fit model.json (coefficients), with
 *                          query also model/ (MLlib) and predictions.parquet/
 * </pre>
 *
 * Every file and every round folder is built under a temporary name and renamed into
 * place, so a process killed at any moment leaves the ledger as it was before the write
 * or after it, and leftovers of the interrupted write are removed by the next command.
 * The effective label of a cell is its latest record.
 */
public final class LabelLedger {
    public static final String LEDGER_FILE = "ledger.json";
    public static final String BATCH_FILE = "batch.csv";
    public static final String ROUND_FILE = "round.json";
    static final String[] LABEL_HEADER = {"cell_key", "label", "annotator", "answered_at", "round", "relabel", "source"};
    private static final Pattern LABEL_FILE = Pattern.compile("\\d{6}\\.csv");
    private static final Pattern ROUND_DIR = Pattern.compile("\\d{4}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<String> classes;

    private LabelLedger(Path dir, List<String> classes) {
        this.dir = dir;
        this.classes = List.copyOf(classes);
    }

    /** Opens an existing ledger. */
    public static LabelLedger open(Path dir) {
        Path file = dir.resolve(LEDGER_FILE);
        if (!Files.isRegularFile(file)) {
            throw new LedgerException(dir + " is not a label ledger (no " + LEDGER_FILE
                    + "); the first `query --classes A,B,...` creates it");
        }
        try {
            LedgerHeader header = JSON.readValue(file.toFile(), LedgerHeader.class);
            return new LabelLedger(dir, checkClasses(header.classes(), file.toString()));
        } catch (IOException e) {
            throw new LedgerException(file + ": unreadable ledger header: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the ledger, creating it with {@code classes} when the folder has none yet.
     * Classes given for an existing ledger must equal the recorded ones: the class list
     * never changes under labels already given.
     */
    public static LabelLedger openOrCreate(Path dir, List<String> classesOrNull) {
        if (Files.isRegularFile(dir.resolve(LEDGER_FILE))) {
            LabelLedger ledger = open(dir);
            if (classesOrNull != null && !classesOrNull.isEmpty() && !ledger.classes.equals(classesOrNull)) {
                throw new LedgerException(dir.resolve(LEDGER_FILE) + ": the ledger's classes are " + ledger.classes
                        + ", not " + classesOrNull + "; a ledger's class list is fixed when it is created");
            }
            return ledger;
        }
        if (classesOrNull == null || classesOrNull.isEmpty()) {
            throw new LedgerException(dir + " holds no ledger yet: give --classes A,B,... to create it");
        }
        List<String> classes = checkClasses(classesOrNull, "--classes");
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve(LEDGER_FILE),
                    JSON.writeValueAsString(new LedgerHeader(1, classes)));
        } catch (IOException e) {
            throw new LedgerException("cannot create ledger in " + dir + ": " + e.getMessage(), e);
        }
        return new LabelLedger(dir, classes);
    }

    private static List<String> checkClasses(List<String> classes, String where) {
        if (classes == null || classes.size() < 2) {
            throw new LedgerException(where + ": a ledger needs at least two classes, got " + classes);
        }
        Set<String> seen = new HashSet<>();
        for (String c : classes) {
            if (c == null || c.isBlank() || !c.equals(c.strip())) {
                throw new LedgerException(where + ": class names must be non-empty with no surrounding blanks: '"
                        + c + "'");
            }
            if (c.chars().anyMatch(Character::isISOControl)) {
                throw new LedgerException(where + ": class name holds a control character: '" + c + "'");
            }
            if (c.equals(LabelRecord.UNSURE) || c.equals(LabelRecord.WITHDRAWN)) {
                throw new LedgerException(where + ": '" + c + "' is reserved for serve's unsure and undone answers");
            }
            if (!seen.add(c)) {
                throw new LedgerException(where + ": class '" + c + "' is listed twice");
            }
        }
        return List.copyOf(classes);
    }

    public Path dir() {
        return dir;
    }

    public List<String> classes() {
        return classes;
    }

    /**
     * Takes the ledger's write lock; close it when done. A second process gets a clear
     * error instead of interleaving its writes. The OS drops the lock if the holder dies.
     */
    public AutoCloseable lock() {
        Path file = dir.resolve("ledger.lock");
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new LedgerException(file + ": another command is writing this ledger; try again when it ends");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                ch.close();
            };
        } catch (IOException e) {
            throw new LedgerException(file + ": cannot lock: " + e.getMessage(), e);
        }
    }

    /** Removes leftovers of writes a killed process did not finish. Call under the lock. */
    public void removeStaleWrites() {
        AtomicFiles.removeStale(dir);
        AtomicFiles.removeStale(dir.resolve("labels"));
        AtomicFiles.removeStale(dir.resolve("rounds"));
    }

    // ---- labels ----

    /** Every label record, oldest first. */
    public List<LabelRecord> records() {
        List<LabelRecord> out = new ArrayList<>();
        for (Path file : labelFiles()) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                         .parse(reader)) {
                for (CSVRecord r : parser) {
                    out.add(new LabelRecord(r.get("cell_key"), r.get("label"), r.get("annotator"),
                            r.get("answered_at"), Integer.parseInt(r.get("round")),
                            Boolean.parseBoolean(r.get("relabel")), r.get("source")));
                }
            } catch (IOException | RuntimeException e) {
                throw new LedgerException(file + ": corrupt label file: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The effective label of every labelled cell (its latest record), by cell key. */
    public Map<String, LabelRecord> currentLabels() {
        Map<String, LabelRecord> current = new TreeMap<>();
        for (LabelRecord r : records()) {
            current.put(r.cellKey(), r);
        }
        return current;
    }

    /** Appends one import as a new label file; an empty list writes nothing. Call under the lock. */
    public Path appendLabels(List<LabelRecord> records) {
        if (records.isEmpty()) {
            return null;
        }
        List<Path> existing = labelFiles();
        int next = existing.isEmpty() ? 1
                : Integer.parseInt(existing.get(existing.size() - 1).getFileName().toString().substring(0, 6)) + 1;
        Path target = dir.resolve("labels").resolve(String.format("%06d.csv", next));
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(LABEL_HEADER).get())) {
            for (LabelRecord r : records) {
                printer.printRecord(r.cellKey(), r.label(), r.annotator(), r.answeredAt(), r.round(), r.relabel(),
                        r.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(target, text.toString());
        return target;
    }

    private List<Path> labelFiles() {
        return listMatching(dir.resolve("labels"), LABEL_FILE);
    }

    // ---- rounds ----

    /** Every committed round, oldest first. */
    public List<RoundInfo> rounds() {
        List<RoundInfo> out = new ArrayList<>();
        for (Path roundDir : listMatching(dir.resolve("rounds"), ROUND_DIR)) {
            Path file = roundDir.resolve(ROUND_FILE);
            try {
                out.add(JSON.readValue(file.toFile(), RoundInfo.class));
            } catch (IOException e) {
                throw new LedgerException(file + ": corrupt round record: " + e.getMessage(), e);
            }
        }
        return out;
    }

    public Optional<RoundInfo> latestRound() {
        List<RoundInfo> all = rounds();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Path roundDir(int round) {
        return dir.resolve("rounds").resolve(String.format("%04d", round));
    }

    /** The latest round whose batch issued each cell; these are the keys {@code label} accepts. */
    public Map<String, Integer> issuedCells() {
        Map<String, Integer> issued = new LinkedHashMap<>();
        for (RoundInfo round : rounds()) {
            for (BatchEntry e : batch(round.round())) {
                issued.put(e.cellKey(), round.round());
            }
        }
        return issued;
    }

    /** The cells a committed round asked about, in the batch's order. */
    public List<BatchEntry> batch(int round) {
        Path file = roundDir(round).resolve(BATCH_FILE);
        List<BatchEntry> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(reader)) {
            for (CSVRecord r : parser) {
                out.add(new BatchEntry(r.get("cell_key"), r.get("image_id")));
            }
        } catch (IOException | RuntimeException e) {
            throw new LedgerException(file + ": corrupt batch file: " + e.getMessage(), e);
        }
        return out;
    }

    /** A fresh staging folder for round {@code round}; fill it, then {@link #commitRound}. */
    public Path stageRound(int round) {
        Path staging = dir.resolve("rounds").resolve(AtomicFiles.TEMP_PREFIX + String.format("%04d-", round)
                + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new LedgerException("cannot create " + staging + ": " + e.getMessage(), e);
        }
        return staging;
    }

    /** Writes the batch and round record into the staging folder and renames it into place. */
    public void commitRound(Path staging, RoundInfo info, List<BatchEntry> batch) {
        Path target = roundDir(info.round());
        if (Files.exists(target)) {
            throw new LedgerException(target + " already exists: rounds are never rewritten");
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text,
                CSVFormat.RFC4180.builder().setHeader("cell_key", "image_id").get())) {
            for (BatchEntry e : batch) {
                printer.printRecord(e.cellKey(), e.imageId());
            }
            AtomicFiles.writeString(staging.resolve(BATCH_FILE), text.toString());
            AtomicFiles.writeString(staging.resolve(ROUND_FILE), JSON.writeValueAsString(info));
            CrashPoints.reached("round-staged");
            AtomicFiles.move(staging, target);
        } catch (IOException e) {
            throw new LedgerException("cannot commit " + target + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> listMatching(Path folder, Pattern name) {
        if (!Files.isDirectory(folder)) {
            return Collections.emptyList();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> name.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** One cell of a batch. */
    public record BatchEntry(String cellKey, String imageId) {
    }

    /** The content of {@code ledger.json}. */
    public record LedgerHeader(int format, List<String> classes) {
    }
}
