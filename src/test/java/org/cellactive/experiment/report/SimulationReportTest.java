package org.cellactive.experiment.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationReportTest {

    private static LinkedHashMap<String, String> parameters() {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        p.put("protocol", "binary");
        p.put("feature set", "gray-intensity");
        p.put("data", "<script>alert('x')</script>");
        p.put("cold-start rule", "one cell of each class & then random");
        p.put("pool", "300");
        return p;
    }

    @Test
    void writesSummaryCsvWithKnownValues(@TempDir Path dir) throws IOException {
        SimulationReport.write(dir, HandMadeCurves.rows(), parameters());
        List<String> lines = Files.readAllLines(dir.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(
                String.join(",", SummaryCsv.HEADER),
                "random,4,25,23.75,26.25,0,not reached,not reached,not reached,3,0.8925,0.0475,4,0.9250,0.7429,1.00,"
                        + ",,,,,,,,,,,,",
                // paired with random (LearningCurveSummaryTest): AP 0.90 -10, -10, -10, 276; AP 0.95 -10, -276, 0, 0
                "margin,4,17.5,13.75,not reached,1,not reached,23.75,not reached,2,0.9125,0.1221,4,0.9350,0.8117,1.43,"
                        + ",4,-10,-10,276,1,no difference shown,4,-5,-276,0,0.5,no difference shown"),
                lines);
    }

    @Test
    void oneRepeatHasNoIntervalAndStillRenders(@TempDir Path dir) throws IOException {
        List<org.cellactive.experiment.CurveRow> one = HandMadeCurves.rows().stream().filter(r -> r.repeat() == 0)
                .toList();
        SimulationReport.write(dir, one, parameters());
        List<String> lines = Files.readAllLines(dir.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertEquals("margin,1,15,15,15,0,20,20,20,0,0.9700,,1,0.9800,0.8550,1.67,1.50,"
                + "1,-10,-10,-10,1,no difference shown,1,-10,-10,-10,1,no difference shown", lines.get(2));
        assertNotNull(ImageIO.read(dir.resolve("learning-curves.png").toFile()));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("margin: mean 0.9700 over 1 repeat<"));
    }

    @Test
    void pngIsWrittenAndDecodesAtTheChartSize(@TempDir Path dir) throws IOException {
        SimulationReport.write(dir, HandMadeCurves.rows(), parameters());
        BufferedImage img = ImageIO.read(dir.resolve("learning-curves.png").toFile());
        assertNotNull(img, "learning-curves.png does not decode");
        assertEquals(LearningCurvePlot.WIDTH, img.getWidth());
        assertEquals(LearningCurvePlot.HEIGHT, img.getHeight());
    }

    @Test
    void htmlHoldsTheTableTheVerdictAndTheEmbeddedFigure(@TempDir Path dir) throws IOException {
        SimulationReport.write(dir, HandMadeCurves.rows(), parameters());
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<table id=\"summary\">"));
        assertTrue(html.contains("<tr><td>margin</td><td class=\"num\">4</td><td class=\"num\">17.5</td>"), html);
        assertTrue(html.contains("margin: AP 0.90 no difference shown at 4 repeats (median \u221210 labels,"
                + " \u221210 to +276, Wilcoxon p 1); AP 0.95 no difference shown at 4 repeats"), html);
        // the paired table: its columns, and the AP 0.90 row the verdict was read from
        assertTrue(html.contains("<table id=\"paired\">"));
        assertTrue(html.contains("<tr><td>margin</td><td>AP \u2265 0.90</td><td class=\"num\">4</td>"
                + "<td class=\"num\">\u221210</td><td class=\"num\">\u221210 to +276</td><td class=\"num\">1</td>"
                + "<td>no difference shown at 4 repeats</td></tr>"), html);
        // the summary table keeps its per-strategy columns; the paired ones have their own table
        assertFalse(html.contains("<th>paired_<wbr>repeats"), html);
        assertTrue(html.contains("<title>Learning curves: binary protocol, gray-intensity features</title>"));
        assertTrue(html.contains("<p id=\"cold-start\">one cell of each class &amp; then random</p>"));
        // the article's claim beside the measurement
        assertTrue(html.contains("<td>175</td><td>random: median 25 (quartiles 23.75\u201326.25; 0 of 4 repeats never"
                + " reached it)</td>"), html);
        assertTrue(html.contains("<td>25</td><td>margin: median 17.5 (quartiles 13.75\u2013not reached; 1 of 4"
                + " repeats never reached it)</td>"), html);
        // self-contained: the figure is a data URI that decodes to the same PNG, nothing is fetched
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(m.find());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertEquals(LearningCurvePlot.WIDTH, img.getWidth());
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<link")
                || html.contains("<script"));
    }

    @Test
    void htmlEscapesParameterValues(@TempDir Path dir) throws IOException {
        SimulationReport.write(dir, HandMadeCurves.rows(), parameters());
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("<td>data</td><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"));
    }

    @Test
    void thePoolSizeComesFromThePoolParameterOrIsAskedFor(@TempDir Path dir) throws IOException {
        assertEquals(300, SimulationReport.poolSize(parameters()));
        LinkedHashMap<String, String> noPool = parameters();
        noPool.remove("pool");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationReport.write(dir, HandMadeCurves.rows(), noPool));
        assertTrue(e.getMessage().contains("pool"), e.getMessage());
        // given explicitly, it decides what "not reached" counts as: 30 + 1 here, so margin's AP 0.90
        // differences are -10, -10, -10 and 31 - 25 = 6 (T+ = rank 1 of 1, 3, 3, 3: p = 2 x 2/16),
        // at AP 0.95 -10, 25 - 31 = -6, 0, 0
        SimulationReport.write(dir, HandMadeCurves.rows(), noPool, 30);
        String margin = Files.readAllLines(dir.resolve("summary.csv")).get(2);
        assertTrue(margin.endsWith(",4,-10,-10,6,0.25,no difference shown,4,-3,-10,0,0.5,no difference shown"), margin);
    }

    @Test
    void aRunWithoutRandomSaysItCannotCompare(@TempDir Path dir) throws IOException {
        List<org.cellactive.experiment.CurveRow> marginOnly = HandMadeCurves.rows().stream()
                .filter(r -> r.strategy().equals("margin")).toList();
        SimulationReport.write(dir, marginOnly, parameters());
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("No random baseline was run, so this run cannot say whether active learning saves"
                + " labels."), html);
        assertTrue(html.contains("<p id=\"paired\">No paired comparison: it needs a random strategy"), html);
        // the paired columns are there, and empty
        assertTrue(Files.readAllLines(dir.resolve("summary.csv")).get(1).endsWith(",,,,,,,,,,,,,"));
    }

    @Test
    void titleNamesProtocolAndFeatureSetOrSaysTheyWereNotRecorded() {
        assertEquals("Learning curves: three-class protocol, all features",
                SimulationReport.title(new LinkedHashMap<>(java.util.Map.of("Protocol", "three-class",
                        "feature_set", "all"))));
        assertEquals("Learning curves: protocol not recorded, feature set not recorded",
                SimulationReport.title(new LinkedHashMap<>()));
    }

    /** Leaves a synthetic run folder in target/ for notebooks/run-notebook.sh to execute the notebook on. */
    @Test
    void writesASyntheticRunFolder() throws IOException {
        Path dir = Path.of("target", "synthetic-run");
        SyntheticRun.write(dir);
        List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
        assertEquals("repeat,strategy,round,labels,ap,accuracy,balanced_accuracy,fit_ms,query_ms", curves.get(0));
        assertEquals(1 + SyntheticRun.REPEATS * SyntheticRun.STRATEGIES.length * SyntheticRun.ROUNDS, curves.size());
        assertEquals(1 + SyntheticRun.STRATEGIES.length, Files.readAllLines(dir.resolve("summary.csv")).size());
    }
}
