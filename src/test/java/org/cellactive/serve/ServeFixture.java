package org.cellactive.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.labelling.BccdCellsFixture;

/** A real serve (session and HTTP server) on a BCCD-based cells table, and an HTTP client for it. */
final class ServeFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final LabellingSession session;
    final ServeServer server;

    private ServeFixture(LabellingSession session, ServeServer server) {
        this.session = session;
        this.server = server;
    }

    static SparkSession spark(String app) {
        return SparkSession.builder().master("local[2]").appName(app).config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    /** Writes the cells table of the first {@code images} BCCD images; returns the ground truth by key. */
    static Map<String, String> cells(SparkSession spark, Path out, int images) throws Exception {
        assertTrue(BccdCellsFixture.available(), "BCCD not found at " + BccdCellsFixture.bccd());
        return BccdCellsFixture.write(spark, out, images);
    }

    static ServeOptions options(Path cells, Path ledger, List<String> classes, int batchSize) {
        return new ServeOptions(cells.toString(), ledger, classes, "all", "diverse", batchSize, 7,
                LearnerParams.DEFAULTS, 100_000_000L, "test");
    }

    static ServeFixture start(SparkSession spark, ServeOptions options) {
        LabellingSession session = LabellingSession.open(spark, options, System.err, Clock.systemUTC());
        return new ServeFixture(session, ServeServer.start(session, "127.0.0.1", 0, System.err));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    String token() {
        return server.token();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header(AccessToken.HEADER, token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header(AccessToken.HEADER, token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** The batch's cell keys, in order. */
    List<String> batchKeys() throws IOException, InterruptedException {
        JsonNode b = json(get("/api/batch"));
        List<String> keys = new java.util.ArrayList<>();
        b.get("cells").forEach(c -> keys.add(c.get("cell_key").asText()));
        return keys;
    }

    static String labelsBody(Map<String, String> answers) throws IOException {
        List<Map<String, String>> labels = answers.entrySet().stream()
                .map(e -> Map.of("cell_key", e.getKey(), "label", e.getValue())).toList();
        return JSON.writeValueAsString(Map.of("labels", labels));
    }

    @Override
    public void close() {
        server.close();
        session.close();
    }
}
