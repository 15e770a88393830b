package org.cellactive.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.cli.Main;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.SyntheticCells;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {

    private static SparkSession spark;
    private static Dataset<Row> cells;

    @BeforeAll
    static void start() {
        spark = SyntheticCells.session("SimulationTest");
        cells = SyntheticCells.table(spark, 9, 200, 40, 40).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SimulationSettings settings(String protocol, int batch) {
        return new SimulationSettings(protocol, SimulationSettings.classesOf(protocol),
                List.of("random", "least-confident", "diverse"), 2, 40, 30, 4, batch, 5, 7, 2, 3, LearnerParams.DEFAULTS);
    }

    /** curves.csv without the timing columns, which are wall times. */
    private static List<String> withoutTimings(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(line -> line.substring(0, nthComma(line, 7))).toList();
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(',', at + 1);
        }
        return at;
    }

    @Test
    void sameSeedGivesTheSameCurves(@TempDir Path dir) throws Exception {
        FeatureColumns features = FeatureColumns.resolve("all", cells.schema());
        for (String protocol : List.of("binary", "three-class")) {
            Path a = dir.resolve(protocol + "-a.csv");
            Path b = dir.resolve(protocol + "-b.csv");
            Simulation.Result first = Simulation.run(spark, cells, features, settings(protocol, 2), null, null);
            CurvesCsv.write(a, first.rows());
            CurvesCsv.write(b, Simulation.run(spark, cells, features, settings(protocol, 2), null, null).rows());
            assertEquals(withoutTimings(a), withoutTimings(b));
            assertEquals(first.rows(), CurvesCsv.read(a));
            // 2 repeats x 3 strategies x 5 rounds; labels grow by the batch size from the seed set.
            assertEquals(30, first.rows().size());
            for (CurveRow r : first.rows()) {
                assertEquals(4 + 2 * r.round(), r.labels());
                assertTrue(r.ap() >= 0 && r.ap() <= 1 && r.accuracy() >= 0 && r.balancedAccuracy() <= 1, r.toString());
            }
            // Every strategy of a repeat starts from the same seed set, so round 0 is the same fit.
            for (int repeat = 0; repeat < 2; repeat++) {
                final int rep = repeat;
                List<Double> round0 = first.rows().stream().filter(r -> r.repeat() == rep && r.round() == 0)
                        .map(CurveRow::ap).distinct().toList();
                assertEquals(1, round0.size(), round0.toString());
            }
        }
    }

    @Test
    void simulateThroughTheCli(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("cells.parquet");
        cells.write().parquet(table.toString());
        Path out = dir.resolve("run");
        int code = Main.run("simulate", "--cells", table.toString(), "--out", out.toString(),
                "--strategies", "random,entropy", "--repeats", "3", "--pool", "40", "--test", "30",
                "--seed-size", "3", "--rounds", "6", "--seed", "5", "--threads", "2", "--progress-every", "2");
        assertEquals(0, code);
        List<CurveRow> rows = CurvesCsv.read(out.resolve("curves.csv"));
        assertEquals(3 * 2 * 6, rows.size());
        assertEquals(String.join(",", CurveRow.HEADER), Files.readAllLines(out.resolve("curves.csv")).get(0));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("simulate", manifest.get("command").asText());
        assertEquals("gray-intensity", manifest.get("inputs").get("features").asText());
        assertEquals("0.01", manifest.get("options").get("regParam").asText());
        assertEquals(3, manifest.get("repeats").size());
        for (JsonNode repeat : manifest.get("repeats")) {
            Set<String> classes = new HashSet<>();
            repeat.get("seed_set").forEach(c -> classes.add(c.get("cell_type").asText()));
            assertEquals(Set.copyOf(ClassLabels.BINARY.names()), classes);
        }
        assertTrue(manifest.get("per_round_ms").has("fit_ms_median"));
        // A bad feature list is a clear error, not a stack of Spark frames.
        assertEquals(true, Main.run("simulate", "--cells", table.toString(), "--out", dir.resolve("bad").toString(),
                "--features", "No_Such_Column") != 0);
    }
}
