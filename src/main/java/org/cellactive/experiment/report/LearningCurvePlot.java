package org.cellactive.experiment.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Draws learning-curves.png: the mean AP against the number of labelled cells per strategy,
 * its 95% t-interval (over repeats) shaded around it, and dashed reference lines at AP 0.90
 * and 0.95. Runs headless.
 */
public final class LearningCurvePlot {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    /** Distinct on white and for the common colour-vision deficiencies (Okabe-Ito). */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)
    };

    private LearningCurvePlot() {
    }

    /**
     * The figure as PNG bytes.
     *
     * @param bands    per strategy, the mean AP per labels count ({@link LearningCurveSummary#bands})
     * @param title    the title, naming protocol and feature set
     * @param subtitle a second line, e.g. the number of repeats and what the band is
     */
    public static byte[] png(Map<String, List<BandPoint>> bands, String title, String subtitle) throws IOException {
        // Set before the first AWT class loads; a report must render on a server without a display.
        System.setProperty("java.awt.headless", "true");
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double lowest = 1;
        for (Map.Entry<String, List<BandPoint>> e : bands.entrySet()) {
            YIntervalSeries series = new YIntervalSeries(e.getKey());
            for (BandPoint p : e.getValue()) {
                series.add(p.labels(), p.ap().mean(), Math.max(0, p.ap().lower()), Math.min(1, p.ap().upper()));
                lowest = Math.min(lowest, p.ap().lower());
            }
            data.addSeries(series);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        NumberAxis x = new NumberAxis("Labelled cells");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Average precision on the test set (mean over repeats)");
        // Keep both reference lines in view even when every curve sits near 1.
        double bottom = Math.max(0, Math.min(0.85, Math.floor(lowest * 10) / 10));
        y.setRange(bottom, 1.005);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.addRangeMarker(reference(LearningCurveSummary.TARGET_90), Layer.BACKGROUND);
        plot.addRangeMarker(reference(LearningCurveSummary.TARGET_95), Layer.BACKGROUND);

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 13)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }

    private static ValueMarker reference(double ap) {
        ValueMarker m = new ValueMarker(ap, new Color(0x555555),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        m.setLabel(String.format(java.util.Locale.ROOT, "AP %.2f", ap));
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        m.setLabelPaint(new Color(0x555555));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        // Top left: curves start low, so the label rarely sits on a line there.
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }
}
