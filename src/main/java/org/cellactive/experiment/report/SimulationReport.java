package org.cellactive.experiment.report;

import org.cellactive.experiment.CurveRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a simulation's report files into its output folder: summary.csv ({@link SummaryCsv}),
 * learning-curves.png ({@link LearningCurvePlot}) and report.html ({@link HtmlReport}).
 *
 * <p>The parameters are shown in the given order, all of them. Three are also looked up by
 * name, ignoring case, spaces, '-' and '_': {@code protocol} and {@code features} (or
 * {@code feature set}) for the title, and the first key holding {@code cold start} for the
 * cold-start section (PROTOCOL.md's rule is shown when there is none).
 *
 * <p>The paired comparison with random needs the pool size ("not reached" counts as pool size + 1).
 * Give it with {@link #write(Path, List, LinkedHashMap, int)}; the three-argument form reads it from
 * the {@code pool} parameter, which {@code SimulationSettings.describe()} always writes.
 */
public final class SimulationReport {

    public static final String SUMMARY_CSV = "summary.csv";
    public static final String FIGURE_PNG = "learning-curves.png";
    public static final String REPORT_HTML = "report.html";

    /** PROTOCOL.md's seed-set rule, shown when the parameters carry no cold-start entry. */
    public static final String DEFAULT_COLD_START_RULE = "The seed set holds at least one cell of every class,"
            + " chosen first at random within each class, then filled up at random from the pool, so that the"
            + " first fit is possible (on BCCD about 8% of RBC+WBC cells are WBC, so a purely random seed set"
            + " is often all RBC).";

    private SimulationReport() {
    }

    /**
     * Writes summary.csv, learning-curves.png and report.html into {@code outDir} (created if missing).
     *
     * @param outDir     the run's output folder
     * @param rows       the learning-curve rows of every repeat, strategy and round
     * @param parameters every run parameter, in display order
     */
    public static void write(Path outDir, List<CurveRow> rows, LinkedHashMap<String, String> parameters)
            throws IOException {
        write(outDir, rows, parameters, poolSize(parameters));
    }

    /**
     * Writes summary.csv, learning-curves.png and report.html into {@code outDir} (created if missing).
     *
     * @param outDir     the run's output folder
     * @param rows       the learning-curve rows of every repeat, strategy and round
     * @param parameters every run parameter, in display order
     * @param poolSize   the pool size of every repeat ({@code --pool})
     */
    public static void write(Path outDir, List<CurveRow> rows, LinkedHashMap<String, String> parameters,
                             int poolSize) throws IOException {
        Files.createDirectories(outDir);
        List<StrategySummary> summaries = LearningCurveSummary.summarise(rows, poolSize);
        int seedLabels = rows.stream().mapToInt(CurveRow::labels).min().orElseThrow();
        int repeats = summaries.stream().mapToInt(StrategySummary::repeats).max().orElse(0);

        String title = title(parameters);
        String subtitle = "mean over " + repeats + " repeat" + (repeats == 1 ? "" : "s")
                + "; shaded: 95% Student-t interval of the mean";
        byte[] png = LearningCurvePlot.png(LearningCurveSummary.bands(rows), title, subtitle);
        String verdict = Verdict.of(summaries, seedLabels);
        String cold = find(parameters, "coldstart", true);
        String html = HtmlReport.render(title, parameters, cold == null ? DEFAULT_COLD_START_RULE : cold,
                summaries, verdict, png);

        Path csvTmp = Files.createTempFile(outDir, SUMMARY_CSV, ".tmp");
        SummaryCsv.write(csvTmp, summaries);
        Files.move(csvTmp, outDir.resolve(SUMMARY_CSV), StandardCopyOption.REPLACE_EXISTING);
        writeReplacing(outDir.resolve(FIGURE_PNG), png);
        writeReplacing(outDir.resolve(REPORT_HTML), html.getBytes(StandardCharsets.UTF_8));
    }

    /** "Learning curves: binary, gray-intensity" from the protocol and feature-set parameters. */
    static String title(Map<String, String> parameters) {
        String protocol = find(parameters, "protocol", false);
        String features = find(parameters, "features", false);
        if (features == null) {
            features = find(parameters, "featureset", false);
        }
        return "Learning curves: " + (protocol == null ? "protocol not recorded" : protocol + " protocol") + ", "
                + (features == null ? "feature set not recorded" : features + " features");
    }

    /** The {@code pool} parameter as a number. */
    static int poolSize(Map<String, String> parameters) {
        String pool = find(parameters, "pool", false);
        if (pool == null) {
            throw new IllegalArgumentException("the report parameters hold no 'pool' entry; the paired comparison"
                    + " with random needs the pool size");
        }
        try {
            return Integer.parseInt(pool.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the report parameter 'pool' is not a cell count: " + pool, e);
        }
    }

    private static String find(Map<String, String> parameters, String key, boolean contains) {
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            if (contains ? k.contains(key) : k.equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void writeReplacing(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
