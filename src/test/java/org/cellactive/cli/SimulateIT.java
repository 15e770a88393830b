package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.cellactive.testing.Bccd;
import org.cellactive.testing.BccdRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate} through the real CLI on the BCCD cells table, small enough to be fast.
 * Its run folder is also what .ci/run executes the notebook on.
 */
class SimulateIT {
    private static final int REPEATS = 3;
    private static final int ROUNDS = 12;
    private static Path out;

    @BeforeAll
    static void simulate() {
        out = Bccd.itRuns().resolve("simulate");
        int code = Main.run("simulate", "--cells", BccdRun.cells().toString(), "--out", out.toString(),
                "--protocol", "binary", "--features", "gray-intensity", "--strategies", "random,least-confident",
                "--repeats", String.valueOf(REPEATS), "--rounds", String.valueOf(ROUNDS), "--seed", "7",
                "--master", "local[2]");
        assertEquals(0, code, "simulate exit code");
    }

    @Test
    void curvesHaveOneRowPerRepeatStrategyAndRound() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("curves.csv"));
        assertEquals("repeat,strategy,round,labels,ap,accuracy,balanced_accuracy,fit_ms,query_ms", lines.get(0));
        assertEquals(1 + REPEATS * 2 * ROUNDS, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int round = Integer.parseInt(f[2]);
            assertEquals(5 + round, Integer.parseInt(f[3]), "labels = seed set + one per round: " + line);
            for (int i = 4; i <= 6; i++) {
                double v = Double.parseDouble(f[i]);
                assertTrue(v >= 0 && v <= 1, line);
            }
        }
    }

    @Test
    void everySeedSetHoldsBothClasses() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(REPEATS, manifest.get("repeats").size());
        for (JsonNode repeat : manifest.get("repeats")) {
            Set<String> classes = new HashSet<>();
            repeat.get("seed_set").forEach(c -> classes.add(c.get("cell_type").asText()));
            assertEquals(Set.of("RBC", "WBC"), classes, repeat.toString());
            assertEquals(5, repeat.get("seed_set").size());
        }
    }

    @Test
    void summaryPlotAndReportAreWritten() throws IOException {
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, summary.size(), "header + random + least-confident");
        assertTrue(summary.get(0).startsWith("strategy,"));
        var png = ImageIO.read(out.resolve("learning-curves.png").toFile());
        assertTrue(png.getWidth() > 400 && png.getHeight() > 300);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("25 labels") && html.contains("175"), "the article's claim is set beside the result");
        assertTrue(html.contains("least-confident") && html.contains("gray-intensity"));
    }
}
