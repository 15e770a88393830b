package org.cellactive.learning.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.cli.Main;
import org.cellactive.learning.ledger.CrashPoints;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.RoundInfo;
import org.cellactive.learning.ledger.SpreadsheetText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelling workflow end to end, through the real CLI and files only: five rounds of
 * query, a scripted labeller answering from the ground truth, and label; then score. The
 * same run is repeated with kills in the middle of rounds (a JVM halted at a crash point,
 * and a child JVM destroyed while it works) and resumed; its ledger must equal the
 * uninterrupted one. Only this test reads cell_type; the commands never do.
 */
class LabellingWorkflowTest {
    static final int ROUNDS = 5;
    static final int BATCH = 8;
    static final String CLASSES = "RBC,WBC,Platelets";

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path cells;
    static Map<String, String> truth;
    static Path ledgerA;
    /** Ledger A's content after {@link #KILL_ROUNDS} rounds, for the resume test. */
    static Map<String, String> snapshotA;
    static final int KILL_ROUNDS = 4;
    static List<List<String>> batchesA = new ArrayList<>();

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        assertTrue(BccdCellsFixture.available(), "BCCD not found at " + BccdCellsFixture.bccd());
        spark = SparkSession.builder().master("local[2]").appName("LabellingWorkflowTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        cells = tmp.resolve("run/cells.parquet");
        truth = BccdCellsFixture.write(spark, cells, 40);
        ledgerA = tmp.resolve("ledger-a");
        for (int round = 1; round <= ROUNDS; round++) {
            Path batch = tmp.resolve("batch-a-" + round);
            assertEquals(0, query(ledgerA, batch));
            batchesA.add(keys(batch.resolve("queries.csv")));
            assertEquals(0, label(ledgerA, answer(batch)));
            if (round == KILL_ROUNDS) {
                snapshotA = snapshot(ledgerA);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static int query(Path ledger, Path out) {
        return Main.run(queryArgs(ledger, out));
    }

    static String[] queryArgs(Path ledger, Path out) {
        return new String[] {"query", "--cells", cells.toString(), "--ledger", ledger.toString(), "--batch-size",
            Integer.toString(BATCH), "--classes", CLASSES, "--seed", "7", "--out", out.toString()};
    }

    static int label(Path ledger, Path answers) {
        return Main.run(labelArgs(ledger, answers));
    }

    static String[] labelArgs(Path ledger, Path answers) {
        return new String[] {"label", "--ledger", ledger.toString(), "--answers", answers.toString(), "--annotator",
            "ground-truth-script"};
    }

    /** The scripted labeller: answers every cell of a batch from the ground truth. */
    static Path answer(Path batch) throws IOException {
        StringBuilder csv = new StringBuilder("cell_key,label\n");
        for (String key : keys(batch.resolve("queries.csv"))) {
            csv.append(key).append(',').append(truth.get(key)).append('\n');
        }
        Path answers = batch.resolve("answers.csv");
        Files.writeString(answers, csv);
        return answers;
    }

    static List<String> keys(Path queriesCsv) throws IOException {
        try (Reader r = Files.newBufferedReader(queriesCsv);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.stream().map(rec -> SpreadsheetText.unguard(rec.get("cell_key"))).toList();
        }
    }

    @Test
    void fiveRoundsBuildTheLedger() throws Exception {
        LabelLedger ledger = LabelLedger.open(ledgerA);
        List<RoundInfo> rounds = ledger.rounds();
        assertEquals(ROUNDS, rounds.size());
        assertEquals(List.of("RBC", "WBC", "Platelets"), ledger.classes());
        Map<String, LabelRecord> labels = ledger.currentLabels();
        assertEquals(ROUNDS * BATCH, labels.size(), "no cell is asked twice once labelled");
        for (LabelRecord r : labels.values()) {
            assertEquals(truth.get(r.cellKey()), r.label());
            assertEquals("ground-truth-script", r.annotator());
            assertFalse(r.relabel());
        }
        // Round 1 is a cold start spread across images: 8 cells from 8 different images.
        assertTrue(rounds.get(0).coldStart());
        Set<String> images = ledger.batch(1).stream().map(LabelLedger.BatchEntry::imageId).collect(Collectors.toSet());
        assertEquals(BATCH, images.size());
        RoundInfo last = rounds.get(ROUNDS - 1);
        assertFalse(last.coldStart(), "five batches of 8 on BCCD reach two classes");
        assertTrue(Files.isDirectory(ledger.roundDir(last.round()).resolve("model")));
        assertNotNull(last.maxUncertainty());
        assertEquals(BATCH * (ROUNDS - 1), last.labelledCells());
        assertTrue(last.labelsSeen() > 0);
        // The last round's label column is empty and its probabilities sum to 1.
        try (Reader r = Files.newBufferedReader(tmp.resolve("batch-a-" + ROUNDS).resolve("queries.csv"));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(List.of("cell_key", "image_id", "xmin", "ymin", "xmax", "ymax", "p_RBC", "p_WBC",
                    "p_Platelets", "label"), p.getHeaderNames());
            for (CSVRecord rec : p) {
                double sum = Double.parseDouble(rec.get("p_RBC")) + Double.parseDouble(rec.get("p_WBC"))
                        + Double.parseDouble(rec.get("p_Platelets"));
                assertEquals(1.0, sum, 1e-5);
                assertEquals("", rec.get("label"));
            }
        }
        String html = Files.readString(tmp.resolve("batch-a-" + ROUNDS).resolve("queries.html"));
        assertTrue(html.contains("\"png\":\"iVBOR"), "crops are embedded as base64 PNG");
        // Each batch holds only cells unlabelled when it was issued.
        Set<String> seen = new HashSet<>();
        for (List<String> batch : batchesA) {
            for (String k : batch) {
                assertTrue(seen.add(k), k + " was asked twice");
            }
        }
    }

    @Test
    void anArchiveWithoutClassesGivesTheSameBatchAndARerunRepeatsIt() throws Exception {
        // Boxes only, as from a detector: cell_type is null everywhere. Since query never
        // reads cell_type, its first batch must equal the one on the labelled table.
        Path unlabelled = tmp.resolve("run-unlabelled/cells.parquet");
        spark.read().parquet(cells.toString())
                .withColumn("cell_type", org.apache.spark.sql.functions.lit(null).cast("string"))
                .write().parquet(unlabelled.toString());
        Path ledger = tmp.resolve("ledger-rerun");
        String[] args = {"query", "--cells", unlabelled.toString(), "--ledger", ledger.toString(), "--batch-size",
            Integer.toString(BATCH), "--classes", CLASSES, "--seed", "7", "--out", tmp.resolve("rerun-1").toString()};
        assertEquals(0, Main.run(args));
        assertEquals(batchesA.get(0), keys(tmp.resolve("rerun-1/queries.csv")));
        // No label arrived, so a rerun writes the same batch and issues no new round.
        args[args.length - 1] = tmp.resolve("rerun-2").toString();
        assertEquals(0, Main.run(args));
        assertEquals(Files.readString(tmp.resolve("rerun-1/queries.csv")),
                Files.readString(tmp.resolve("rerun-2/queries.csv")));
        assertEquals(1, LabelLedger.open(ledger).rounds().size());
    }

    @Test
    void scoreWritesPredictionsAndADifferentialCount() throws Exception {
        Path out = tmp.resolve("score");
        assertEquals(0, Main.run("score", "--cells", cells.toString(), "--ledger", ledgerA.toString(),
                "--out", out.toString()));
        assertTrue(Files.isDirectory(out.resolve("model/metadata")) && Files.isDirectory(out.resolve("model/data")),
                "MLlib persistence");
        LogisticRegressionModel model = LogisticRegressionModel.load(out.resolve("model").toUri().toString());
        assertEquals(3, model.numClasses());
        List<Row> predictions = spark.read().parquet(out.resolve("predictions.parquet").toString()).collectAsList();
        assertEquals(truth.size(), predictions.size(), "every cell is scored");
        long right = predictions.stream().filter(r -> truth.get(r.getString(0)).equals(r.getString(2))).count();
        assertTrue(right > 0.8 * truth.size(), "the final model learned something: " + right + "/" + truth.size());
        List<String> csv = Files.readAllLines(out.resolve("predictions.csv"));
        assertEquals(truth.size() + 1, csv.size());
        try (Reader r = Files.newBufferedReader(out.resolve("per_image.csv"));
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            int cellsCounted = 0;
            int images = 0;
            for (CSVRecord rec : p) {
                images++;
                int n = Integer.parseInt(rec.get("cells"));
                cellsCounted += n;
                assertEquals(n, Integer.parseInt(rec.get("n_RBC")) + Integer.parseInt(rec.get("n_WBC"))
                        + Integer.parseInt(rec.get("n_Platelets")));
                assertEquals(1.0, Double.parseDouble(rec.get("fraction_RBC")) + Double.parseDouble(rec.get("fraction_WBC"))
                        + Double.parseDouble(rec.get("fraction_Platelets")), 1e-5);
            }
            assertEquals(truth.size(), cellsCounted);
            assertEquals(40, images);
        }
    }

    @Test
    void killedMidRoundAndResumedGivesTheSameLedger() throws Exception {
        Path ledgerB = tmp.resolve("ledger-b");
        for (int round = 1; round <= KILL_ROUNDS; round++) {
            Path batch = tmp.resolve("batch-b-" + round);
            if (round == 3) {
                // Halted after the model is saved into the staging folder: nothing is committed.
                assertEquals(CrashPoints.STATUS, child("model-saved", queryArgs(ledgerB, batch)));
                assertEquals(2, LabelLedger.open(ledgerB).rounds().size());
                // A real kill while the child works.
                killWhenPrinted("scanning", queryArgs(ledgerB, batch));
                assertEquals(2, LabelLedger.open(ledgerB).rounds().size());
            }
            if (round == 4) {
                // Halted after the round is committed but before the batch is written to --out.
                assertEquals(CrashPoints.STATUS, child("round-committed", queryArgs(ledgerB, batch)));
                assertFalse(Files.exists(batch.resolve("queries.csv")));
            }
            assertEquals(0, query(ledgerB, batch));
            assertEquals(batchesA.get(round - 1), keys(batch.resolve("queries.csv")));
            Path answers = answer(batch);
            if (round == 3) {
                assertEquals(CrashPoints.STATUS, child("labels-validated", labelArgs(ledgerB, answers)));
                assertEquals(CrashPoints.STATUS, child("labels-appended", labelArgs(ledgerB, answers)));
            }
            assertEquals(0, label(ledgerB, answers));
            // Importing the same file twice changes nothing.
            int files = LabelLedger.open(ledgerB).records().size();
            assertEquals(0, label(ledgerB, answers));
            assertEquals(files, LabelLedger.open(ledgerB).records().size());
        }
        Map<String, String> b = snapshot(ledgerB);
        assertEquals(snapshotA.keySet(), b.keySet());
        for (String file : b.keySet()) {
            assertEquals(snapshotA.get(file), b.get(file), file);
        }
    }

    /** Runs the CLI in a child JVM that halts at {@code crashAt}; returns its exit status. */
    static int child(String crashAt, String... args) throws Exception {
        Process p = childProcess(crashAt, args).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status != CrashPoints.STATUS) {
            System.err.println(output);
        }
        return status;
    }

    static void killWhenPrinted(String marker, String... args) throws Exception {
        Process p = childProcess(null, args).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean seen = false;
            while ((line = out.readLine()) != null) {
                if (line.contains(marker)) {
                    seen = true;
                    break;
                }
            }
            assertTrue(seen, "the child never printed '" + marker + "'");
            p.destroyForcibly();
        }
        p.waitFor();
    }

    static ProcessBuilder childProcess(String crashAt, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx1g");
        cmd.add("-Dspark.master=local[2]");
        cmd.add("-Dspark.ui.enabled=false");
        cmd.add("-Dspark.sql.shuffle.partitions=4");
        if (crashAt != null) {
            cmd.add("-D" + CrashPoints.PROPERTY + "=" + crashAt);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.cellactive.cli.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
    }

    /**
     * The ledger's content without what differs between two honest runs: wall-clock times,
     * MLlib's random model uid and Spark's part-file names. Models are compared by their
     * coefficients, predictions by their rows.
     */
    static Map<String, String> snapshot(Path ledger) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ledger)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String rel = ledger.relativize(f).toString();
            if (rel.equals("ledger.lock") || rel.contains("/model/") || rel.contains(PoolPredictions.DIR)) {
                continue;
            }
            if (rel.endsWith("round.json")) {
                ObjectNode node = (ObjectNode) json.readTree(f.toFile());
                node.remove("createdAt");
                out.put(rel, node.toString());
            } else if (rel.startsWith("labels/")) {
                out.put(rel, Files.readAllLines(f).stream()
                        .map(line -> line.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "TIME"))
                        .collect(Collectors.joining("\n")));
            } else {
                out.put(rel, Files.readString(f));
            }
        }
        for (RoundInfo r : LabelLedger.open(ledger).rounds()) {
            Path dir = LabelLedger.open(ledger).roundDir(r.round());
            if (Files.isDirectory(dir.resolve("model"))) {
                LogisticRegressionModel m = LogisticRegressionModel.load(dir.resolve("model").toUri().toString());
                out.put(dir.getFileName() + "/model", m.coefficientMatrix() + " " + m.interceptVector());
                out.put(dir.getFileName() + "/predictions", spark.read().parquet(dir.resolve(PoolPredictions.DIR)
                        .toString()).orderBy("cell_key").collectAsList().toString());
            }
        }
        assertNull(out.get("missing"));
        return out;
    }
}
