package org.cellactive.learning;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;

/**
 * The coefficients of a fitted logistic regression as plain arrays: what a scan ships to
 * the executors instead of the MLlib model object, and what turns a feature vector into
 * class probabilities there.
 *
 * <p>A value: it copies the arrays it is given and the arrays it hands out, and compares by
 * their contents.
 *
 * @param coefficients one row per class (multinomial) or a single row (binomial: the positive class)
 * @param intercepts   one per row of {@code coefficients}
 * @param numClasses   number of classes the probabilities cover
 */
public record ScoringModel(double[][] coefficients, double[] intercepts, int numClasses) implements Serializable {

    public ScoringModel {
        if (coefficients.length == 0 || intercepts.length != coefficients.length) {
            throw new IllegalArgumentException("scoring model: " + coefficients.length + " coefficient rows and "
                    + intercepts.length + " intercepts");
        }
        double[][] rows = new double[coefficients.length][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = coefficients[r].clone();
            if (rows[r].length != rows[0].length) {
                throw new IllegalArgumentException("scoring model: coefficient rows differ in length");
            }
        }
        coefficients = rows;
        intercepts = intercepts.clone();
    }

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

    /** A copy of the coefficient rows. */
    @Override
    public double[][] coefficients() {
        double[][] copy = new double[coefficients.length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = coefficients[r].clone();
        }
        return copy;
    }

    /** A copy of the intercepts. */
    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** Length of the probability vectors {@link #probabilities} gives. */
    int probabilityCount() {
        return coefficients.length == 1 ? 2 : coefficients.length;
    }

    /** Class probabilities of one feature vector, as MLlib's predictProbability gives them. */
    public double[] probabilities(double[] x) {
        double[] p = new double[probabilityCount()];
        probabilities(x, 0, p);
        return p;
    }

    /**
     * Class probabilities of the features {@code x[from ..]} into {@code out} (length
     * {@link #probabilityCount()}), with no allocation. Gives exactly the values of
     * {@link #probabilities(double[])}.
     */
    void probabilities(double[] x, int from, double[] out) {
        int rows = coefficients.length;
        double[] z = new double[rows];
        for (int k = 0; k < rows; k++) {
            z[k] = dot(k, x, from);
        }
        probabilitiesOfLogits(z, 0, out);
    }

    /** Logits per cell and coefficient row: {@code rows} of them for each cell, see {@link #logits}. */
    int logitCount() {
        return coefficients.length;
    }

    /**
     * The logits of {@code cells} cells of a row-major matrix with {@code dims} columns, from
     * cell {@code firstCell}, into {@code out[c * logitCount() + k]}.
     *
     * <p>Why four cells at a time: one cell's dot product is a chain of dependent additions, so
     * a core waits out each addition's latency. Four independent chains keep it busy and made
     * the scan ~3× faster. Each chain still adds in the order {@link #probabilities(double[])}
     * does (intercept, then feature 0, 1, ...), so every logit is bit-identical to it.
     */
    void logits(double[] x, int dims, int firstCell, int cells, double[] out) {
        int rows = coefficients.length;
        for (int k = 0; k < rows; k++) {
            double[] w = coefficients[k];
            double b = intercepts[k];
            int c = 0;
            for (; c + 4 <= cells; c += 4) {
                int a0 = (firstCell + c) * dims;
                int a1 = a0 + dims;
                int a2 = a1 + dims;
                int a3 = a2 + dims;
                double s0 = b;
                double s1 = b;
                double s2 = b;
                double s3 = b;
                for (int i = 0; i < w.length; i++) {
                    double wi = w[i];
                    s0 += wi * x[a0 + i];
                    s1 += wi * x[a1 + i];
                    s2 += wi * x[a2 + i];
                    s3 += wi * x[a3 + i];
                }
                out[c * rows + k] = s0;
                out[(c + 1) * rows + k] = s1;
                out[(c + 2) * rows + k] = s2;
                out[(c + 3) * rows + k] = s3;
            }
            for (; c < cells; c++) {
                out[c * rows + k] = dot(k, x, (firstCell + c) * dims);
            }
        }
    }

    /** Probabilities from one cell's logits {@code z[at .. at + logitCount())}, into {@code out}. */
    void probabilitiesOfLogits(double[] z, int at, double[] out) {
        if (coefficients.length == 1) {
            double p = 1.0 / (1.0 + Math.exp(-z[at]));
            out[0] = 1 - p;
            out[1] = p;
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < out.length; k++) {
            out[k] = z[at + k];
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
    }

    private double dot(int row, double[] x, int from) {
        double[] w = coefficients[row];
        double s = intercepts[row];
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[from + i];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringModel m && numClasses == m.numClasses
                && Arrays.deepEquals(coefficients, m.coefficients) && Arrays.equals(intercepts, m.intercepts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(coefficients) + Arrays.hashCode(intercepts)) + numClasses;
    }

    @Override
    public String toString() {
        return "ScoringModel[coefficients=" + Arrays.deepToString(coefficients) + ", intercepts="
                + Arrays.toString(intercepts) + ", numClasses=" + numClasses + "]";
    }
}
