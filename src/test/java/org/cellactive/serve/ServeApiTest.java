package org.cellactive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.labelling.QueryOptions;
import org.cellactive.learning.labelling.QueryRound;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.LedgerException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's JSON API over real HTTP, on a cells table of real BCCD boxes: the token, crop keys
 * that try to leave the table, rejected answers, oversized bodies, undo, and eight threads
 * posting at once.
 */
class ServeApiTest {
    static final List<String> CLASSES = List.of("RBC", "WBC", "Platelets");
    static final int BATCH = 12;

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Map<String, String> truth;
    static Path cells;
    static Path ledger;
    static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        spark = ServeFixture.spark("ServeApiTest");
        cells = tmp.resolve("run/cells.parquet");
        truth = ServeFixture.cells(spark, cells, 20);
        ledger = tmp.resolve("ledger");
        serve = ServeFixture.start(spark, ServeFixture.options(cells, ledger, CLASSES, BATCH));
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void everyCallWithoutTheTokenIs403() throws Exception {
        for (String path : List.of("/", "/api/batch", "/api/status", "/api/labels.csv",
                "/api/crop/" + serve.batchKeys().get(0) + ".png")) {
            HttpResponse<String> r = ServeFixture.HTTP.send(HttpRequest.newBuilder(serve.base().resolve(path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), path);
        }
        for (String path : List.of("/api/labels", "/api/next", "/api/undo")) {
            HttpResponse<String> r = ServeFixture.HTTP.send(HttpRequest.newBuilder(serve.base().resolve(path))
                    .header(AccessToken.HEADER, serve.token() + "x")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"labels\": []}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), path + " with a wrong token");
        }
        // The token in the query string works, as the printed URL uses it.
        HttpResponse<String> page = ServeFixture.HTTP.send(HttpRequest.newBuilder(
                serve.base().resolve("/?token=" + serve.token())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertTrue(serve.server.url().toString().matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}"),
                serve.server.url().toString());
    }

    @Test
    void cropKeysResolveOnlyThroughTheCellsTable() throws Exception {
        String key = serve.batchKeys().get(0);
        HttpResponse<byte[]> png = ServeFixture.HTTP.send(HttpRequest.newBuilder(serve.base().resolve("/api/crop/"
                + key + ".png")).header(AccessToken.HEADER, serve.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals((byte) 0x89, png.body()[0]);
        // A cell of the table outside the batch is found through the table too.
        String other = truth.keySet().stream().filter(k -> !serve.session.batch().crops().containsKey(k)).findFirst()
                .orElseThrow();
        assertEquals(200, serve.get("/api/crop/" + other + ".png").statusCode());
        Path image = BccdImage.path();
        for (String attempt : List.of("../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd",
                URI.create(image.toString()).getPath().replace("/", "%2F").replace(".jpg", ""),
                "BloodImage_00000_00%00", "nope")) {
            HttpResponse<String> r = serve.get("/api/crop/" + attempt + ".png");
            assertEquals(404, r.statusCode(), attempt + ": " + r.body());
        }
    }

    @Test
    void unknownKeysAndClassesAreRejectedWithTheirReason() throws Exception {
        String key = serve.batchKeys().get(1);
        Map<String, Object> body = Map.of("labels", List.of(
                Map.of("cell_key", "BloodImage_99999_00", "label", "RBC"),
                Map.of("cell_key", key, "label", "Neutrophil")));
        JsonNode r = ServeFixture.json(serve.post("/api/labels", ServeFixture.JSON.writeValueAsString(body)));
        assertEquals(0, r.get("accepted").asInt());
        assertEquals(2, r.get("rejected").size());
        assertEquals("BloodImage_99999_00", r.get("rejected").get(0).get("cell_key").asText());
        assertTrue(r.get("rejected").get(0).get("reason").asText().contains("unknown cell key"));
        assertEquals(key, r.get("rejected").get(1).get("cell_key").asText());
        assertTrue(r.get("rejected").get(1).get("reason").asText().contains("unknown class 'Neutrophil'"));
        // Malformed or unexpected bodies are 400, not half-applied.
        assertEquals(400, serve.post("/api/labels", "{\"labels\": [{\"cell_key\": \"" + key
                + "\", \"label\": \"RBC\", \"colour\": 1}]}").statusCode());
        assertEquals(400, serve.post("/api/labels", "not json").statusCode());
        assertFalse(LabelLedger.open(ledger).currentLabels().containsKey(key));
    }

    @Test
    void aBodyOverOneMebibyteIs413() throws Exception {
        byte[] big = new byte[2 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = ServeFixture.HTTP.send(HttpRequest.newBuilder(serve.base().resolve("/api/labels"))
                .header(AccessToken.HEADER, serve.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
    }

    @Test
    void aSecondWriterOnTheLedgerFailsFastNamingTheLock() {
        LedgerException e = assertThrows(LedgerException.class, () -> new QueryRound(spark, System.err).run(
                new QueryOptions(cells.toString(), ledger, 5, "diverse", null, 1, tmp.resolve("q"), "all",
                        LearnerParams.DEFAULTS, 100_000_000L)));
        assertTrue(e.getMessage().contains("ledger.lock"), e.getMessage());
        LedgerException second = assertThrows(LedgerException.class, () -> LabellingSession.open(spark,
                ServeFixture.options(cells, ledger, CLASSES, BATCH), System.err, java.time.Clock.systemUTC()));
        assertTrue(second.getMessage().contains("ledger.lock"), second.getMessage());
    }

    @Test
    void eightThreadsPostingAtOnceLeaveTheLedgerConsistent() throws Exception {
        List<String> keys = serve.batchKeys().subList(2, BATCH);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            long seed = t;
            Callable<Integer> task = () -> {
                int n = 0;
                for (int repeat = 0; repeat < 3; repeat++) {
                    List<String> order = new ArrayList<>(keys);
                    Collections.shuffle(order, new Random(seed * 31 + repeat));
                    // Each request answers a few cells, in a different order per thread, all from the truth.
                    for (int i = 0; i < order.size(); i += 3) {
                        Map<String, String> answers = new LinkedHashMap<>();
                        order.subList(i, Math.min(order.size(), i + 3)).forEach(k -> answers.put(k, truth.get(k)));
                        HttpResponse<String> r = serve.post("/api/labels", ServeFixture.labelsBody(answers));
                        assertEquals(200, r.statusCode(), r.body());
                        JsonNode j = ServeFixture.json(r);
                        assertEquals(0, j.get("rejected").size(), r.body());
                        n += j.get("accepted").asInt();
                    }
                }
                return n;
            };
            accepted.add(pool.submit(task));
        }
        int total = 0;
        for (Future<Integer> f : accepted) {
            total += f.get();
        }
        pool.shutdown();
        // Serialised: each cell was new to exactly one request; every later one found it unchanged.
        assertEquals(keys.size(), total);
        LabelLedger l = LabelLedger.open(ledger);
        List<LabelRecord> records = l.records().stream().filter(r -> keys.contains(r.cellKey())).toList();
        assertEquals(keys.size(), records.size(), "one record per cell, no duplicates");
        assertEquals(new HashSet<>(keys), records.stream().map(LabelRecord::cellKey).collect(
                java.util.stream.Collectors.toSet()));
        records.forEach(r -> assertEquals(truth.get(r.cellKey()), r.label()));
        // Label files are numbered without gaps and no temporary file is left.
        try (Stream<Path> files = Files.list(ledger.resolve("labels"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            for (int i = 0; i < names.size(); i++) {
                assertEquals(String.format("%06d.csv", i + 1), names.get(i));
            }
        }
    }

    @Test
    void undoAppendsAnExplicitRelabel() throws Exception {
        String key = serve.batchKeys().get(0);
        String wrong = CLASSES.stream().filter(c -> !c.equals(truth.get(key))).findFirst().orElseThrow();
        assertEquals(1, ServeFixture.json(serve.post("/api/labels", ServeFixture.labelsBody(Map.of(key, wrong))))
                .get("accepted").asInt());
        // Changing it without saying so is refused.
        JsonNode refused = ServeFixture.json(serve.post("/api/labels",
                ServeFixture.labelsBody(Map.of(key, truth.get(key)))));
        assertTrue(refused.get("rejected").get(0).get("reason").asText().contains("relabel"));
        JsonNode undone = ServeFixture.json(serve.post("/api/undo", "{\"cell_key\": \"" + key + "\"}"));
        assertTrue(undone.get("label").isNull());
        LabelRecord now = LabelLedger.open(ledger).currentLabels().get(key);
        assertEquals(LabelRecord.WITHDRAWN, now.label());
        assertTrue(now.relabel());
        // Unsure is recorded as such, is not a class label, and is left out of the CSV's classes.
        JsonNode unsure = ServeFixture.json(serve.post("/api/labels",
                "{\"labels\": [{\"cell_key\": \"" + key + "\", \"unsure\": true}]}"));
        assertEquals(1, unsure.get("accepted").asInt());
        assertTrue(LabelLedger.open(ledger).currentLabels().get(key).isUnsure());
        JsonNode status = ServeFixture.json(serve.get("/api/status"));
        assertTrue(status.get("unsure").asInt() >= 1);
        String csv = serve.get("/api/labels.csv").body();
        assertTrue(csv.contains(key + ",unsure,"), csv);
        assertEquals(409, serve.post("/api/undo", "{\"cell_key\": \"BloodImage_99999_00\"}").statusCode());
        assertNotEquals(0, status.get("stopping").get("rounds").size());
    }
}
