package org.cellactive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a person runs it: its own JVM, one line on stdout, killed with SIGKILL right
 * after it acknowledged answers (nothing acknowledged may be lost), then started again on the
 * same ledger (same round) and stopped with SIGTERM (the lock is released).
 */
class ServeProcessTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Map<String, String> truth;
    static Path cells;

    @BeforeAll
    static void table() throws Exception {
        spark = ServeFixture.spark("ServeProcessTest");
        cells = tmp.resolve("run/cells.parquet");
        truth = ServeFixture.cells(spark, cells, 12);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** A started serve child and what it printed. */
    record Child(Process process, URI url, List<String> stdout, Path stderr) {
        String token() {
            return url.getQuery().substring("token=".length());
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + url.getAuthority() + path))
                    .header(AccessToken.HEADER, token());
            b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.method(method, HttpRequest.BodyPublishers.ofString(body));
            return ServeFixture.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static Child startServe(Path ledger, String name) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-Dspark.ui.enabled=false", "-Dspark.sql.shuffle.partitions=4", "-cp",
                System.getProperty("java.class.path"), "org.cellactive.cli.Main", "serve", "--cells", cells.toString(),
                "--ledger", ledger.toString(), "--classes", "RBC,WBC,Platelets", "--batch-size", "6", "--port", "0",
                "--master", "local[2]", "--annotator", "process-test"));
        Path stderr = tmp.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectError(stderr.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line = out.readLine();
        if (line == null) {
            throw new AssertionError("serve printed nothing; stderr:\n" + Files.readString(stderr));
        }
        lines.add(line);
        assertTrue(line.matches("serve: http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]+"), line);
        // Anything else it prints on stdout would land in this list before the process ends.
        Thread drain = new Thread(() -> out.lines().forEach(lines::add));
        drain.setDaemon(true);
        drain.start();
        return new Child(p, URI.create(line.substring("serve: ".length())), lines, stderr);
    }

    @Test
    void sigkillRightAfterAnAcknowledgementLosesNothingAndARestartResumes() throws Exception {
        Path ledger = tmp.resolve("ledger");
        Child first = startServe(ledger, "first");
        JsonNode batch = ServeFixture.json(first.send("GET", "/api/batch", null));
        assertEquals(1, batch.get("round").asInt());
        Map<String, String> answers = new LinkedHashMap<>();
        batch.get("cells").forEach(c -> answers.put(c.get("cell_key").asText(), truth.get(c.get("cell_key").asText())));
        HttpResponse<String> ack = first.send("POST", "/api/labels", ServeFixture.labelsBody(answers));
        first.process().destroyForcibly(); // SIGKILL, the moment the acknowledgement is in
        first.process().waitFor(30, TimeUnit.SECONDS);
        assertEquals(200, ack.statusCode(), ack.body());
        assertEquals(answers.size(), ServeFixture.json(ack).get("accepted").asInt());
        Map<String, LabelRecord> labels = LabelLedger.open(ledger).currentLabels();
        for (Map.Entry<String, String> e : answers.entrySet()) {
            assertEquals(e.getValue(), labels.get(e.getKey()).label(), e.getKey());
        }
        assertEquals(List.of(first.stdout().get(0)), first.stdout(), "exactly one line on stdout");

        // The OS dropped the killed server's lock: a new serve opens the ledger at the same round.
        Child second = startServe(ledger, "second");
        try {
            JsonNode again = ServeFixture.json(second.send("GET", "/api/batch", null));
            assertEquals(1, again.get("round").asInt());
            assertEquals(batch.get("cells").size(), again.get("cells").size());
            again.get("cells").forEach(c -> assertTrue(c.get("answered").asBoolean()));
            JsonNode next = ServeFixture.json(second.send("POST", "/api/next", null));
            assertEquals(2, next.get("round").asInt());
        } finally {
            second.process().destroy(); // SIGTERM
            assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "serve ends on SIGTERM");
        }
        assertTrue(Files.readString(second.stderr()).contains("ledger lock released"),
                Files.readString(second.stderr()));
        try (AutoCloseable lock = LabelLedger.open(ledger).lock()) {
            assertEquals(2, LabelLedger.open(ledger).rounds().size());
        }
        assertEquals(1, second.stdout().size(), "exactly one line on stdout: " + second.stdout());
    }
}
