package org.cellactive.experiment;

/**
 * One point of a learning curve: the test-set scores after one round of one repeat
 * of one strategy. A row of curves.csv, in this column order.
 *
 * @param repeat           0-based repeat index (its seed is derived from the run seed)
 * @param strategy         query strategy name, e.g. "random", "least-confident"
 * @param round            0-based round; round 0 is the fit on the seed set
 * @param labels           number of labelled cells the model was fit on
 * @param ap               average precision of the positive class (macro one-vs-rest for >2 classes)
 * @param accuracy         accuracy of the predicted class
 * @param balancedAccuracy mean per-class recall
 * @param fitMs            wall time of this round's fit, milliseconds
 * @param queryMs          wall time of this round's query (scan) step, milliseconds
 */
public record CurveRow(int repeat, String strategy, int round, int labels, double ap, double accuracy,
                       double balancedAccuracy, double fitMs, double queryMs) {

    public static final String[] HEADER = {
        "repeat", "strategy", "round", "labels", "ap", "accuracy", "balanced_accuracy", "fit_ms", "query_ms"
    };
}
