package org.cellactive.experiment.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes summary.csv: one row per strategy, in these columns (definitions in
 * {@link LearningCurveSummary}):
 * <ul>
 *   <li>{@code strategy}, {@code repeats};</li>
 *   <li>{@code labels_to_ap90_median}, {@code labels_to_ap90_q1}, {@code labels_to_ap90_q3}: labels needed
 *       to first reach AP &ge; 0.90, median and quartiles over repeats; a number, or the text
 *       {@code not reached} when that order statistic falls on a repeat that never reached it;</li>
 *   <li>{@code never_reached_ap90}: how many repeats never reached AP 0.90;</li>
 *   <li>the same four for AP 0.95 ({@code labels_to_ap95_median}, ... {@code never_reached_ap95});</li>
 *   <li>{@code ap_at_25_mean}, {@code ap_at_25_ci95}: mean AP at 25 labels and the half-width of its
 *       95% Student-t interval (empty with one repeat); {@code ap_at_25_repeats}: the repeats it is
 *       taken over (those whose curve spans 25 labels);</li>
 *   <li>{@code final_ap_mean}: mean AP of the last round; {@code aulc_mean}: mean area under the
 *       learning curve (mean AP over rounds);</li>
 *   <li>{@code savings_ap90}, {@code savings_ap95}: random's median labels / the strategy's; empty
 *       when either is not reached or there is no random strategy;</li>
 *   <li>the paired comparison with random ({@link PairedDifference}), for AP 0.90 then AP 0.95, empty on
 *       random's own row and when no random strategy was run:
 *       {@code paired_repeats_ap90}: repeats run by both (the pairs);
 *       {@code diff_vs_random_ap90_median}: median over those repeats of (labels this strategy needed
 *       &minus; labels random needed), "not reached" counted as pool size + 1, negative = fewer labels;
 *       {@code diff_vs_random_ap90_ci_low}, {@code diff_vs_random_ap90_ci_high}: its 95% seeded
 *       percentile-bootstrap interval; {@code wilcoxon_p_ap90}: exact two-sided Wilcoxon signed-rank
 *       p of the differences; {@code verdict_vs_random_ap90}: {@code fewer labels than random},
 *       {@code more labels than random} or {@code no difference shown} (the rule is in
 *       {@link PairedDifference}).</li>
 * </ul>
 * Empty cells mean "not available". Scores have four decimals, ratios two.
 */
public final class SummaryCsv {

    public static final String[] HEADER = {
        "strategy", "repeats",
        "labels_to_ap90_median", "labels_to_ap90_q1", "labels_to_ap90_q3", "never_reached_ap90",
        "labels_to_ap95_median", "labels_to_ap95_q1", "labels_to_ap95_q3", "never_reached_ap95",
        "ap_at_25_mean", "ap_at_25_ci95", "ap_at_25_repeats",
        "final_ap_mean", "aulc_mean", "savings_ap90", "savings_ap95",
        "paired_repeats_ap90", "diff_vs_random_ap90_median", "diff_vs_random_ap90_ci_low",
        "diff_vs_random_ap90_ci_high", "wilcoxon_p_ap90", "verdict_vs_random_ap90",
        "paired_repeats_ap95", "diff_vs_random_ap95_median", "diff_vs_random_ap95_ci_low",
        "diff_vs_random_ap95_ci_high", "wilcoxon_p_ap95", "verdict_vs_random_ap95"
    };

    /**
     * The columns before the paired comparison: the report's summary table shows these, and the
     * paired comparison in a table of its own.
     */
    static final int PER_STRATEGY_COLUMNS = 17;

    private SummaryCsv() {
    }

    /** Writes {@code summaries} to {@code file}, replacing it. */
    public static void write(Path file, List<StrategySummary> summaries) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER)
                     .setRecordSeparator("\n").get())) {
            for (StrategySummary s : summaries) {
                csv.printRecord((Object[]) cells(s));
            }
        }
    }

    /** The cells of one row, in {@link #HEADER} order. */
    public static String[] cells(StrategySummary s) {
        MeanInterval at25 = s.apAt25();
        List<String> cells = new ArrayList<>(List.of(
            s.strategy(), Integer.toString(s.repeats()),
            NumberText.labels(s.toAp90().median()), NumberText.labels(s.toAp90().q1()),
            NumberText.labels(s.toAp90().q3()), Integer.toString(s.toAp90().neverReached()),
            NumberText.labels(s.toAp95().median()), NumberText.labels(s.toAp95().q1()),
            NumberText.labels(s.toAp95().q3()), Integer.toString(s.toAp95().neverReached()),
            at25 == null ? "" : NumberText.score(at25.mean()),
            at25 == null ? "" : NumberText.score(at25.halfWidth()),
            at25 == null ? "0" : Integer.toString(at25.n()),
            NumberText.score(s.finalApMean()), NumberText.score(s.aulcMean()),
            NumberText.ratio(s.savingsAp90()), NumberText.ratio(s.savingsAp95())));
        cells.addAll(paired(s.vsRandomAp90()));
        cells.addAll(paired(s.vsRandomAp95()));
        return cells.toArray(String[]::new);
    }

    /** The six paired-comparison cells of one target; all empty when there is no comparison. */
    private static List<String> paired(PairedDifference p) {
        if (p == null) {
            return List.of("", "", "", "", "", "");
        }
        MedianBootstrap d = p.difference();
        return List.of(Integer.toString(p.repeats()), NumberText.labels(d.median()), NumberText.labels(d.low()),
                NumberText.labels(d.high()), NumberText.pValue(p.wilcoxonP()), p.finding().text());
    }
}
