package org.cellactive.experiment.report;

import org.cellactive.experiment.CurveRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Two strategies, four repeats, seed set 5 and batch 5 (labels 5, 10, ..., 30), with APs
 * chosen so that every summary value can be worked out by hand (see LearningCurveSummaryTest).
 */
final class HandMadeCurves {

    static final double[][] MARGIN = {
        {0.50, 0.80, 0.92, 0.96, 0.97, 0.98},
        {0.60, 0.91, 0.93, 0.94, 0.95, 0.96},
        {0.70, 0.85, 0.88, 0.90, 0.93, 0.94},
        {0.40, 0.50, 0.60, 0.70, 0.80, 0.86},
    };
    static final double[][] RANDOM = {
        {0.30, 0.50, 0.70, 0.80, 0.90, 0.95},
        {0.40, 0.60, 0.80, 0.91, 0.92, 0.93},
        {0.50, 0.60, 0.70, 0.80, 0.85, 0.90},
        {0.60, 0.70, 0.80, 0.85, 0.90, 0.92},
    };

    private HandMadeCurves() {
    }

    /** Rows in the order simulate writes them: repeat, then strategy, then round. */
    static List<CurveRow> rows() {
        List<CurveRow> rows = new ArrayList<>();
        for (int rep = 0; rep < 4; rep++) {
            add(rows, rep, "random", RANDOM[rep]);
            add(rows, rep, "margin", MARGIN[rep]);
        }
        return rows;
    }

    static List<CurveRow> curve(String strategy, int repeat, int firstLabels, int batch, double... aps) {
        List<CurveRow> rows = new ArrayList<>();
        for (int round = 0; round < aps.length; round++) {
            rows.add(new CurveRow(repeat, strategy, round, firstLabels + round * batch, aps[round], 0.9, 0.9, 10, 2));
        }
        return rows;
    }

    private static void add(List<CurveRow> rows, int repeat, String strategy, double[] aps) {
        rows.addAll(curve(strategy, repeat, 5, 5, aps));
    }
}
