package org.cellactive.learning.solver;

import breeze.linalg.DenseVector;
import breeze.optimize.FirstOrderMinimizer;
import breeze.optimize.LBFGS;
import breeze.optimize.OWLQN;
import java.util.Locale;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SparseMatrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import scala.collection.Iterator;

/**
 * {@code LogisticRegression.fit} without Spark: the same objective, minimised from the same
 * starting point by the same Breeze optimizer (L-BFGS with 10 corrections, or OWL-QN when
 * {@code elasticNetParam × regParam > 0}), with the estimator's maxIter and tol, on rows the
 * driver already holds. MLlib does the same for linear regression with its
 * {@code WeightedLeastSquares} solver; for logistic regression it always submits one Spark job per
 * iteration, which on a few hundred rows costs far more than the arithmetic.
 *
 * <p>Every step below mirrors MLlib 4.2's {@code LogisticRegression.train}: the summary
 * ({@link FeatureSummary}), the constant-label shortcut, the initial solution (the label
 * priors, or a warm start scaled into standardized space), the centring of features, the
 * per-coefficient L1 weights, the way back to unscaled coefficients, and the centring of
 * multinomial intercepts (and of coefficients when regParam is 0). Instance weights and
 * coefficient bounds, which cellactive never sets, are not supported. {@code DriverSolverParityTest}
 * holds the two solvers to 1e-6 in every predicted probability.
 */
public final class DriverLogisticRegression {

    /** The fitted model, and the optimizer's iterations (MLlib's {@code totalIterations}). */
    public record Result(LogisticRegressionModel model, int iterations) {
    }

    private DriverLogisticRegression() {
    }

    /**
     * @param lr         the configured estimator: its params are read, and copied into the model
     * @param x          one feature row per cell (rows are read in this order: sort them for a result
     *                   independent of arrival order)
     * @param labels     class index per row
     * @param numClasses classes the model covers (MLlib reads it from the label's metadata)
     * @param initial    a warm start, or null; ignored when its shape does not fit, as MLlib ignores it
     */
    public static Result fit(LogisticRegression lr, double[][] x, int[] labels, int numClasses,
                             LogisticRegressionModel initial) {
        int n = x.length;
        if (n == 0 || labels.length != n) {
            throw new IllegalArgumentException("driver solver: need one label per row and at least one row");
        }
        int d = x[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("driver solver: row " + i + " has " + x[i].length
                        + " features, expected " + d);
            }
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("driver solver: classification labels should be in [0 to "
                        + (numClasses - 1) + "]; row " + i + " has " + labels[i]);
            }
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        FeatureSummary summary = FeatureSummary.of(flat, n, d, labels);
        boolean multinomial = isMultinomial(lr.getFamily(), numClasses);
        int sets = multinomial ? numClasses : 1;
        boolean fitIntercept = lr.getFitIntercept();
        double[] histogram = summary.histogram();

        if (fitIntercept && summary.labelsPresent() == 1) {
            return new Result(constantLabelModel(lr, numClasses, multinomial, sets, d, histogram), 0);
        }

        double[] std = summary.std();
        double[] inverseStd = new double[d];
        double[] scaledMean = new double[d];
        for (int j = 0; j < d; j++) {
            inverseStd[j] = std[j] != 0 ? 1.0 / std[j] : 0.0;
            scaledMean[j] = inverseStd[j] * summary.mean()[j];
        }
        double[] scaled = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            scaled[i] = flat[i] * inverseStd[i % d];
        }
        double regParam = lr.getRegParam();
        double elasticNet = lr.getElasticNetParam();
        double regL2 = (1.0 - elasticNet) * regParam;
        boolean standardization = lr.getStandardization();
        int width = fitIntercept ? d + 1 : d;
        double[] start = initialSolution(initial, fitIntercept, multinomial, sets, d, width, histogram, std);
        // fitWithMean: MLlib centres the scaled features when there is an (unbounded) intercept.
        if (fitIntercept) {
            for (int c = 0; c < sets; c++) {
                double adapt = 0;
                for (int j = 0; j < d; j++) {
                    adapt += start[j * sets + c] * scaledMean[j];
                }
                start[d * sets + c] += adapt;
            }
        }
        LogisticObjective objective = new LogisticObjective(scaled, labels, n, d, sets, multinomial, fitIntercept,
                scaledMean, std, regL2, standardization);
        FirstOrderMinimizer<DenseVector<Object>, ?> optimizer = optimizer(lr, elasticNet * regParam,
                fitIntercept, standardization, sets, d, std);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Iterator<FirstOrderMinimizer.State<DenseVector<Object>, ?, ?>> states =
                (Iterator) ((FirstOrderMinimizer) optimizer).iterations(objective.asBreeze(), BreezeVectors.of(start));
        FirstOrderMinimizer.State<DenseVector<Object>, ?, ?> state = null;
        int steps = 0;
        while (states.hasNext()) {
            state = states.next();
            steps++;
        }
        if (state == null) {
            throw new IllegalStateException("driver solver: " + optimizer.getClass().getName() + " failed");
        }
        double[] solution = BreezeVectors.values(state.x()).clone();
        if (fitIntercept) {
            for (int c = 0; c < sets; c++) {
                double adapt = 0;
                for (int j = 0; j < d; j++) {
                    adapt += solution[j * sets + c] * scaledMean[j];
                }
                solution[d * sets + c] -= adapt;
            }
        }
        return new Result(unscaledModel(lr, solution, numClasses, multinomial, sets, d, std, regParam), steps - 1);
    }

    private static boolean isMultinomial(String family, int numClasses) {
        switch (family.toLowerCase(Locale.ROOT)) {
            case "binomial":
                if (numClasses != 1 && numClasses != 2) {
                    throw new IllegalArgumentException("Binomial family only supports 1 or 2 outcome classes but found "
                            + numClasses + ".");
                }
                return false;
            case "multinomial":
                return true;
            case "auto":
                return numClasses > 2;
            default:
                throw new IllegalArgumentException("Unsupported family: " + family);
        }
    }

    /** Column-major (sets × width): coefficient (k, j) at j * sets + k, intercepts last. */
    private static double[] initialSolution(LogisticRegressionModel initial, boolean fitIntercept, boolean multinomial,
                                            int sets, int d, int width, double[] histogram, double[] std) {
        double[] start = new double[sets * width];
        boolean valid = initial != null
                && initial.coefficientMatrix().numRows() == sets
                && initial.coefficientMatrix().numCols() == d
                && initial.interceptVector().size() == sets
                && initial.getFitIntercept() == fitIntercept;
        if (valid) {
            Matrix coefficients = initial.coefficientMatrix();
            for (int k = 0; k < sets; k++) {
                for (int j = 0; j < d; j++) {
                    start[j * sets + k] = coefficients.apply(k, j) * std[j];
                }
            }
            if (fitIntercept) {
                double[] b = initial.interceptVector().toArray();
                for (int k = 0; k < sets; k++) {
                    start[d * sets + k] = b[k];
                }
            }
        } else if (fitIntercept && multinomial) {
            // MLlib's start: intercepts that give the label distribution (log1p smooths empty classes), centred.
            double[] raw = new double[histogram.length];
            double mean = 0;
            for (int k = 0; k < raw.length; k++) {
                raw[k] = Math.log1p(histogram[k]);
                mean += raw[k];
            }
            mean /= raw.length;
            for (int k = 0; k < raw.length; k++) {
                start[d * sets + k] = raw[k] - mean;
            }
        } else if (fitIntercept) {
            start[d] = Math.log(histogram[1] / histogram[0]);
        }
        return start;
    }

    private static FirstOrderMinimizer<DenseVector<Object>, ?> optimizer(LogisticRegression lr, double regL1,
                                                                       boolean fitIntercept, boolean standardization,
                                                                       int sets, int d, double[] std) {
        int maxIter = lr.getMaxIter();
        double tol = lr.getTol();
        if (lr.getElasticNetParam() == 0.0 || lr.getRegParam() == 0.0) {
            return new LBFGS<>(maxIter, 10, tol, DenseVector.space_Double());
        }
        scala.Function1<Object, Object> l1 = index -> {
            int i = (Integer) index;
            if (fitIntercept && i >= d * sets) {
                return 0.0;
            }
            if (standardization) {
                return regL1;
            }
            double s = std[i / sets];
            return s != 0.0 ? regL1 / s : 0.0;
        };
        return new OWLQN<Object, DenseVector<Object>>(maxIter, 10, l1, tol, DenseVector.space_Double());
    }

    private static LogisticRegressionModel unscaledModel(LogisticRegression lr, double[] solution, int numClasses,
                                                         boolean multinomial, int sets, int d, double[] std,
                                                         double regParam) {
        boolean fitIntercept = lr.getFitIntercept();
        double[] coefficients = new double[sets * d]; // row-major (isTransposed)
        double[] intercepts = new double[sets];
        for (int k = 0; k < sets; k++) {
            for (int j = 0; j < d; j++) {
                if (std[j] != 0.0) {
                    coefficients[k * d + j] = solution[j * sets + k] / std[j];
                }
            }
            if (fitIntercept) {
                intercepts[k] = solution[d * sets + k];
            }
        }
        if (regParam == 0.0 && multinomial) {
            // Unpenalised multinomial coefficients are defined only up to a shift per feature: centre them.
            for (int j = 0; j < d; j++) {
                double centre = 0;
                for (int k = 0; k < sets; k++) {
                    centre += coefficients[k * d + j];
                }
                centre /= sets;
                for (int k = 0; k < sets; k++) {
                    coefficients[k * d + j] -= centre;
                }
            }
        }
        if (fitIntercept && multinomial) {
            double mean = 0;
            for (double b : intercepts) {
                mean += b;
            }
            mean /= intercepts.length;
            for (int k = 0; k < sets; k++) {
                intercepts[k] -= mean;
            }
        }
        Matrix matrix = new DenseMatrix(sets, d, coefficients, true).compressed();
        Vector interceptVector = fitIntercept || !multinomial
                ? Vectors.dense(intercepts).compressed()
                : Vectors.sparse(sets, new int[0], new double[0]).compressed();
        return model(lr, matrix, interceptVector, numClasses, multinomial);
    }

    /** MLlib's answer when every label is the same and there is an intercept: no training at all. */
    private static LogisticRegressionModel constantLabelModel(LogisticRegression lr, int numClasses,
                                                              boolean multinomial, int sets, int d,
                                                              double[] histogram) {
        int constant = 0;
        for (int k = 1; k < histogram.length; k++) {
            if (histogram[k] > histogram[constant]) {
                constant = k;
            }
        }
        Matrix matrix = new SparseMatrix(sets, d, new int[sets + 1], new int[0], new double[0], true).compressed();
        Vector intercept = multinomial
                ? Vectors.sparse(numClasses, new int[] {constant}, new double[] {Double.POSITIVE_INFINITY})
                : Vectors.dense(numClasses == 2 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        return model(lr, matrix, intercept, numClasses, multinomial);
    }

    /**
     * The model, built as MLlib builds it: its constructor is {@code private[spark]} in Scala but
     * public in bytecode, which is how Java reaches it. {@code MllibModelConstructorTest} fails if a
     * Spark upgrade changes that.
     */
    private static LogisticRegressionModel model(LogisticRegression lr, Matrix coefficients, Vector intercepts,
                                                 int numClasses, boolean multinomial) {
        LogisticRegressionModel model = new LogisticRegressionModel(lr.uid(), coefficients, intercepts, numClasses,
                multinomial);
        lr.copyValues(model, ParamMap.empty());
        model.setParent(lr);
        return model;
    }
}
