package org.cellactive.experiment.report;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders report.html: one self-contained page (the figure is a base64 data URI, the style
 * is inline, nothing is fetched) with the title, the figure, the verdict, the summary table,
 * the article's claim beside this run's measurement, the protocol, the cold-start rule and
 * every parameter. Every value from the run is HTML-escaped.
 */
public final class HtmlReport {

    /** PROTOCOL.md's repeat procedure, in one paragraph. */
    static final String PROTOCOL_TEXT = "Each repeat, with its own seed, draws a stratified random test set that is"
            + " never queried, then a pool at random from the remaining cells, whose labels are hidden from the"
            + " learner, then labels a small seed set from the pool (the cold-start rule below). Each round fits"
            + " the learner (Spark MLlib LogisticRegression, the same parameters for every strategy) on the"
            + " labelled cells, scores the test set, then asks the strategy for the next batch of cells, reveals"
            + " their labels and moves them from the pool to the labelled set, until the pool is empty or the"
            + " round limit is reached. All strategies of one repeat share the same test set, pool and seed set."
            + " Average precision (AP) is computed from the predicted probability of the positive class with the"
            + " true labels as the reference, non-interpolated (AP = \u03a3 (R\u2099 \u2212 R\u2099\u208b\u2081)"
            + " P\u2099, the definition of scikit-learn's average_precision_score); for more than two classes it"
            + " is the macro one-vs-rest mean. Results are summarised over the repeats.";

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;"
            + "max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}"
            + "h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}"
            + "table{border-collapse:collapse;margin:.6em 0;font-size:.92em}"
            + "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
            + "th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}"
            + ".verdict{font-size:1.1em;background:#f6f8fa;border-left:4px solid #0072B2;padding:.6em 1em}"
            + ".wide{overflow-x:auto}#summary{font-size:.85em}#summary th,#summary td{padding:.25em .3em}#summary td:first-child{white-space:nowrap}img{max-width:100%;height:auto;border:1px solid #eee}.note{color:#555;font-size:.9em}";

    private HtmlReport() {
    }

    /**
     * The page.
     *
     * @param title         page and figure title (names protocol and feature set)
     * @param parameters    every run parameter, in order
     * @param coldStartRule the rule that picked each seed set
     * @param summaries     per-strategy summaries
     * @param verdict       the one-line verdict ({@link Verdict})
     * @param png           the figure
     */
    public static String render(String title, Map<String, String> parameters, String coldStartRule,
                                List<StrategySummary> summaries, String verdict, byte[] png) {
        StringBuilder h = new StringBuilder(16_384 + png.length * 4 / 3);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n");
        h.append("<p class=\"verdict\" id=\"verdict\">").append(escape(verdict)).append("</p>\n");
        h.append("<figure><img alt=\"Mean average precision against labelled cells, per strategy, with 95% bands\""
                + " src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">\n")
                .append("<figcaption class=\"note\">Mean AP over repeats against the number of labelled cells;"
                        + " the shaded band is the 95% Student-t confidence interval of the mean; dashed lines"
                        + " mark AP 0.90 and 0.95.</figcaption></figure>\n");
        appendSummary(h, summaries);
        appendPaired(h, summaries);
        appendClaim(h, summaries);
        h.append("<h2>Protocol</h2>\n<p>").append(escape(PROTOCOL_TEXT)).append("</p>\n");
        h.append("<h2>Cold-start rule</h2>\n<p id=\"cold-start\">").append(escape(coldStartRule)).append("</p>\n");
        h.append("<h2>Parameters</h2>\n<table id=\"parameters\">\n<tr><th>parameter</th><th>value</th></tr>\n");
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            h.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(escape(e.getValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Escapes the five characters that are special in HTML text and attribute values; null becomes "". */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static void appendSummary(StringBuilder h, List<StrategySummary> summaries) {
        h.append("<h2>Summary over repeats</h2>\n<div class=\"wide\"><table id=\"summary\">\n<tr>");
        for (String col : java.util.Arrays.copyOf(SummaryCsv.HEADER, SummaryCsv.PER_STRATEGY_COLUMNS)) {
            // let the long column names wrap at their underscores, so the table fits the page
            h.append("<th>").append(escape(col).replace("_", "_<wbr>")).append("</th>");
        }
        h.append("</tr>\n");
        for (StrategySummary s : summaries) {
            h.append("<tr>");
            String[] cells = SummaryCsv.cells(s);
            for (int i = 0; i < SummaryCsv.PER_STRATEGY_COLUMNS; i++) {
                h.append(i == 0 ? "<td>" : "<td class=\"num\">").append(escape(cells[i])).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n<p class=\"note\">Labels count every labelled cell, the seed set included."
                + " labels_to_ap90/95: labels needed to first reach the AP target,"
                + " median and quartiles over repeats; \u201cnot reached\u201d where that repeat never reached it,"
                + " and never_reached counts those repeats (they are never counted as 0). ap_at_25: mean AP at a"
                + " 25-label budget \u00b1 the half-width of its 95% t-interval. final_ap: AP of the last round."
                + " aulc: mean AP over rounds. savings: random's median labels divided by the strategy's"
                + " (above 1 = fewer labels than random); empty when either did not reach the target.</p>\n");
    }

    /** The verdict's evidence: per active strategy and target, the paired differences with their intervals. */
    private static void appendPaired(StringBuilder h, List<StrategySummary> summaries) {
        List<StrategySummary> compared = summaries.stream()
                .filter(s -> s.vsRandomAp90() != null || s.vsRandomAp95() != null).toList();
        h.append("<h2>Paired difference against random</h2>\n");
        if (compared.isEmpty()) {
            h.append("<p id=\"paired\">No paired comparison: it needs a random strategy and at least one active"
                    + " strategy in the same repeats.</p>\n");
            return;
        }
        h.append("<table id=\"paired\">\n<tr><th>strategy</th><th>target</th><th>paired repeats</th>"
                + "<th>median difference (labels)</th><th>95% interval</th><th>Wilcoxon p</th><th>finding</th></tr>\n");
        for (StrategySummary s : compared) {
            pairedRow(h, s.strategy(), "AP \u2265 0.90", s.vsRandomAp90());
            pairedRow(h, s.strategy(), "AP \u2265 0.95", s.vsRandomAp95());
        }
        h.append("</table>\n<p class=\"note\">All strategies of a repeat share its test set, pool and seed set, so"
                + " labels to the target are compared repeat by repeat: difference = the strategy's labels \u2212"
                + " random's, a repeat that never reached the target counting as the pool size + 1; negative = fewer"
                + " labels than random. The interval is a 95% percentile bootstrap of the median (")
                .append(MedianBootstrap.RESAMPLES).append(" resamples of the repeats, fixed seed ")
                .append(MedianBootstrap.SEED).append("); p is the exact two-sided Wilcoxon signed-rank test"
                + " (zero differences dropped, ties at mid-ranks). \u201cfewer\u201d or \u201cmore labels than"
                + " random\u201d needs the interval entirely on one side of 0 and p &lt; 0.05; otherwise no"
                + " difference is shown at this number of repeats. That is not evidence of no difference: with"
                + " fewer than 6 repeats that differ, p can never fall below 0.05.</p>\n");
    }

    private static void pairedRow(StringBuilder h, String strategy, String target, PairedDifference p) {
        h.append("<tr><td>").append(escape(strategy)).append("</td><td>").append(escape(target)).append("</td>");
        if (p == null) {
            h.append("<td colspan=\"5\">no repeat in common with random</td></tr>\n");
            return;
        }
        MedianBootstrap d = p.difference();
        h.append("<td class=\"num\">").append(p.repeats()).append("</td><td class=\"num\">")
                .append(escape(Verdict.signed(d.median()))).append("</td><td class=\"num\">")
                .append(escape(Verdict.signed(d.low()) + " to " + Verdict.signed(d.high())))
                .append("</td><td class=\"num\">").append(escape(NumberText.pValue(p.wilcoxonP())))
                .append("</td><td>").append(escape(p.findingText())).append("</td></tr>\n");
    }

    private static void appendClaim(StringBuilder h, List<StrategySummary> summaries) {
        Optional<StrategySummary> random = summaries.stream()
                .filter(s -> s.strategy().equals(LearningCurveSummary.RANDOM)).findFirst();
        Optional<StrategySummary> best = Verdict.bestActive(summaries);
        int repeats = summaries.stream().mapToInt(StrategySummary::repeats).max().orElse(0);
        h.append("<h2>The article's claim beside this run</h2>\n<table id=\"claim\">\n")
                .append("<tr><th></th><th>article</th><th>measured here</th></tr>\n");
        row(h, "labels to AP 0.90, active learning", "25",
                best.map(s -> s.strategy() + ": " + labelsCell(s.toAp90())).orElse("no active strategy run"));
        row(h, "labels to AP 0.90, random sampling", "175",
                random.map(s -> "random: " + labelsCell(s.toAp90())).orElse("no random strategy run"));
        row(h, "AP at 25 labels, active learning", "0.90",
                best.map(s -> s.strategy() + ": " + apAt25Cell(s)).orElse("no active strategy run"));
        row(h, "AP at 25 labels, random sampling", "not stated",
                random.map(s -> "random: " + apAt25Cell(s)).orElse("no random strategy run"));
        row(h, "runs", "a single run", repeats + " seeded repeats per strategy");
        row(h, "how AP was computed",
                "from hard 0/1 predictions, with the true labels and the predictions swapped",
                "from the predicted probability of the positive class, the true labels as the reference,"
                        + " non-interpolated");
        h.append("</table>\n<p class=\"note\">The article's numbers come from one run with two metric errors;"
                + " this table sets the measurement beside them and does not try to match them. The active-learning"
                + " column shows the active strategy with the lowest median labels to AP 0.90.</p>\n");
    }

    private static String labelsCell(LabelsToTarget t) {
        String median = t.medianReached() ? "median " + NumberText.labels(t.median()) : "median not reached";
        return median + " (quartiles " + NumberText.labels(t.q1()) + "\u2013" + NumberText.labels(t.q3())
                + "; " + t.neverReached() + " of " + t.repeats() + " repeats never reached it)";
    }

    private static String apAt25Cell(StrategySummary s) {
        MeanInterval m = s.apAt25();
        if (m == null) {
            return "not measured (no repeat spans 25 labels)";
        }
        String ci = Double.isNaN(m.halfWidth()) ? "" : " \u00b1 " + NumberText.score(m.halfWidth());
        return "mean " + NumberText.score(m.mean()) + ci + " over " + m.n() + (m.n() == 1 ? " repeat" : " repeats");
    }

    private static void row(StringBuilder h, String what, String article, String measured) {
        h.append("<tr><th>").append(escape(what)).append("</th><td>").append(escape(article)).append("</td><td>")
                .append(escape(measured)).append("</td></tr>\n");
    }
}
