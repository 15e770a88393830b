package org.cellactive.learning;

import java.io.Serializable;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;

/**
 * The coefficients of a fitted logistic regression as plain arrays: what a scan broadcasts
 * instead of the MLlib model object, and what turns a feature vector into class
 * probabilities on an executor.
 *
 * @param coefficients one row per class (multinomial) or a single row (binomial: the positive class)
 * @param intercepts   one per row of {@code coefficients}
 * @param numClasses   number of classes the probabilities cover
 */
public record ScoringModel(double[][] coefficients, double[] intercepts, int numClasses) implements Serializable {

    /** Copies the coefficients of {@code model}. */
    public static ScoringModel of(LogisticRegressionModel model) {
        Matrix m = model.coefficientMatrix();
        double[][] rows = new double[m.numRows()][m.numCols()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                rows[r][c] = m.apply(r, c);
            }
        }
        Vector b = model.interceptVector();
        return new ScoringModel(rows, b.toArray(), model.numClasses());
    }

    /** Class probabilities of one feature vector, as MLlib's predictProbability gives them. */
    public double[] probabilities(double[] x) {
        if (coefficients.length == 1) {
            double p = 1.0 / (1.0 + Math.exp(-dot(0, x)));
            return new double[] {1 - p, p};
        }
        double[] z = new double[coefficients.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k++) {
            z[k] = dot(k, x);
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }

    private double dot(int row, double[] x) {
        double[] w = coefficients[row];
        double s = intercepts[row];
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }
}
