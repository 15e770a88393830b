package org.cellactive.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.LearnerParams;
import org.cellactive.synth.SyntheticCellTable;

/**
 * Times serve's batch cycle over real HTTP (target P4 of issue 13): a fresh ledger is seeded
 * with a first batch answered from the table's ground truth, then each measured round answers
 * the batch shown and times {@code POST /api/next} from the client's side, beside the server's
 * own split (fit, model save, scan, stopping signal, page data). Only this harness reads the
 * table's cell_type; serve never does.
 */
public final class ServeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServeBenchmark() {
    }

    /**
     * @param seedLabels cells answered in the first (cold-start) batch, before measuring
     * @param rounds     measured rounds of {@code batchSize}
     */
    public record Settings(String cellsPath, Path ledger, List<String> classes, String features, int batchSize,
                           int seedLabels, int rounds, LearnerParams learner) {
    }

    /** Medians over the measured rounds, in milliseconds. */
    public record Report(int rounds, int labelsAtEnd, double nextMedian, double nextP90, double cpuMedian,
                         double fitMedian, double saveMedian, double scanMedian, double signalMedian,
                         double pageMedian, double passMedian, double cvMedian, double cropsMedian,
                         double filesMedian, double commitMedian, double serverMedian) {
    }

    /** The server's timings_ms fields, in the table's column order after next_ms and cpu_ms. */
    private static final List<String> STEPS = List.of("fit", "save", "scan", "signals", "page_data", "iterations",
            "signal_pass", "cv", "crops", "batch_files", "commit", "round");

    /**
     * @param out the table and the summary
     * @param log serve's own progress lines
     */
    public static Report run(SparkSession spark, Settings s, PrintStream out, PrintStream log) throws Exception {
        Map<String, String> truth = new HashMap<>();
        for (Row r : spark.read().parquet(s.cellsPath()).select(AnnotationColumns.CELL_KEY, AnnotationColumns.CELL_TYPE)
                .collectAsList()) {
            truth.put(r.getString(0), r.getString(1));
        }
        // The seed batch: one cold-start round of seedLabels cells, all answered.
        try (LabellingSession seeding = LabellingSession.open(spark, options(s, s.seedLabels()), log, Clock.systemUTC())) {
            List<org.cellactive.learning.ledger.LiveAnswers.Answer> answers = new ArrayList<>();
            seeding.batch().cells().forEach(c -> answers.add(new org.cellactive.learning.ledger.LiveAnswers.Answer(
                    c.cellKey(), truth.get(c.cellKey()), false, false)));
            seeding.post(answers);
        }
        LabellingSession session = LabellingSession.open(spark, options(s, s.batchSize()), log, Clock.systemUTC());
        List<long[]> rows = new ArrayList<>();
        int labels = s.seedLabels();
        try (ServeServer server = ServeServer.start(session, "127.0.0.1", 0, log)) {
            String base = "http://127.0.0.1:" + server.port();
            out.println("round  labels  next_ms  cpu_ms  fit_ms  save_ms  scan_ms  signals_ms  page_ms  iterations"
                    + "  pass_ms  cv_ms  crops_ms  files_ms  commit_ms  server_ms");
            for (int i = 0; i <= s.rounds(); i++) {
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                JsonNode batch = JSON.readTree(send(base, server.token(), "POST", "/api/next", null).body());
                long nextMs = (System.nanoTime() - t0) / 1_000_000;
                long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
                JsonNode t = JSON.readTree(send(base, server.token(), "GET", "/api/status", null).body())
                        .get("timings_ms");
                if (i > 0) { // the first call issues the first model round after the seed; it warms the JIT
                    long[] r = new long[4 + STEPS.size()];
                    r[0] = batch.get("round").asLong();
                    r[1] = labels;
                    r[2] = nextMs;
                    r[3] = cpuMs;
                    for (int j = 0; j < STEPS.size(); j++) {
                        r[4 + j] = t.get(STEPS.get(j)).asLong();
                    }
                    rows.add(r);
                    out.printf(Locale.ROOT, "%5d  %6d  %7d  %6d  %6d  %7d  %7d  %10d  %7d  %10d  %7d  %5d  %8d  %8d"
                            + "  %9d  %9d%n", r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                            r[12], r[13], r[14], r[15]);
                }
                List<Map<String, String>> answers = new ArrayList<>();
                batch.get("cells").forEach(c -> answers.add(Map.of("cell_key", c.get("cell_key").asText(),
                        "label", truth.get(c.get("cell_key").asText()))));
                send(base, server.token(), "POST", "/api/labels", JSON.writeValueAsString(Map.of("labels", answers)));
                labels += answers.size();
            }
        } finally {
            session.close();
        }
        Report report = new Report(rows.size(), labels, median(rows, 2), quantile(rows, 2, 0.9), median(rows, 3),
                median(rows, 4), median(rows, 5), median(rows, 6), median(rows, 7), median(rows, 8), median(rows, 10),
                median(rows, 11), median(rows, 12), median(rows, 13), median(rows, 14), median(rows, 15));
        out.printf(Locale.ROOT, "POST /api/next: median %.0f ms, p90 %.0f ms over %d rounds (labels %d..%d), process CPU"
                        + " median %.0f ms; medians: fit %.0f, save %.0f, scan %.0f, signals %.0f, page data %.0f ms%n",
                report.nextMedian(), report.nextP90(), report.rounds(), rows.isEmpty() ? 0 : rows.get(0)[1], labels,
                report.cpuMedian(), report.fitMedian(), report.saveMedian(), report.scanMedian(), report.signalMedian(),
                report.pageMedian());
        out.printf(Locale.ROOT, "  within: signal pass %.0f, cv %.0f, crops %.0f, batch files %.0f, commit %.0f ms;"
                        + " server's own round %.0f ms (the pass, the cv folds and the crops run at once since"
                        + " serve-speed)%n  host: %d processors, load average %.2f at the end%n", report.passMedian(),
                report.cvMedian(), report.cropsMedian(), report.filesMedian(), report.commitMedian(),
                report.serverMedian(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return report;
    }

    private static ServeOptions options(Settings s, int batchSize) {
        return new ServeOptions(s.cellsPath(), s.ledger(), s.classes(), s.features(), "diverse", batchSize, 42,
                s.learner(), 100_000_000L, "benchmark");
    }

    private static HttpResponse<String> send(String base, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header(AccessToken.HEADER, token);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /** CPU time of the whole process (server, Spark's local executors, client): on a shared machine, wall time is not. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<long[]> rows, int col) {
        return quantile(rows, col, 0.5);
    }

    private static double quantile(List<long[]> rows, int col, double q) {
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    /** Writes a synthetic table for the benchmark ({@link SyntheticCellTable}, seed 42). */
    public static void writeSynthetic(SparkSession spark, Path out, int cells, int features, Path images)
            throws java.io.IOException {
        int partitions = SyntheticCellTable.defaultPartitions(cells, spark.sparkContext().defaultParallelism());
        SyntheticCellTable.table(spark, cells, features, SyntheticCellTable.imagesIn(images), 42, partitions)
                .write().mode("overwrite").parquet(out.toUri().toString());
    }

}
