package org.cellactive.learning.solver;

import breeze.linalg.DenseVector;
import breeze.optimize.CachedDiffFunction;
import breeze.optimize.DiffFunction;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import scala.Tuple2;
import scala.reflect.ClassTag$;

/**
 * The loss MLlib's {@code LogisticRegression} hands to its optimizer, summed on the driver:
 * the mean log-loss over the rows, in standardized feature space, plus the L2 part of the
 * penalty (the L1 part belongs to OWL-QN). It follows MLlib's {@code BinaryLogisticBlockAggregator},
 * {@code MultinomialLogisticBlockAggregator} and {@code L2Regularization}:
 * <ul>
 *   <li>features are multiplied by 1/std (0 for a constant column) and, with an intercept, centred
 *       by their scaled means ("fitWithMean"), which leaves the optimum where it is;</li>
 *   <li>the coefficient vector is MLlib's column-major layout: coefficient (class k, feature j) at
 *       {@code j * sets + k}, intercepts last;</li>
 *   <li>L2 applies to coefficients, never intercepts; without standardization it is divided by
 *       std², so that it penalises the coefficients of the unscaled features.</li>
 * </ul>
 * {@link #asBreeze} wraps it in Breeze's {@code CachedDiffFunction}, as MLlib wraps its loss.
 */
final class LogisticObjective {

    private final double[] scaled;
    private final int[] labels;
    private final int n;
    private final int d;
    private final int sets;
    private final boolean multinomial;
    private final boolean fitIntercept;
    private final double[] scaledMean;
    private final double[] featuresStd;
    private final double regL2;
    private final boolean standardization;

    /**
     * @param scaled      row-major n × d features already multiplied by 1/std
     * @param sets        coefficient sets: 1 (binomial) or the number of classes
     * @param scaledMean  mean × 1/std per feature, for centring; null when there is no intercept
     */
    LogisticObjective(double[] scaled, int[] labels, int n, int d, int sets, boolean multinomial,
                      boolean fitIntercept, double[] scaledMean, double[] featuresStd, double regL2,
                      boolean standardization) {
        this.scaled = scaled;
        this.labels = labels;
        this.n = n;
        this.d = d;
        this.sets = sets;
        this.multinomial = multinomial;
        this.fitIntercept = fitIntercept;
        this.scaledMean = scaledMean;
        this.featuresStd = featuresStd;
        this.regL2 = regL2;
        this.standardization = standardization;
    }

    /**
     * This loss as Breeze's {@code DiffFunction}, cached as MLlib caches its loss.
     *
     * <p>Why {@code LambdaMetafactory}: the Scala trait declares {@code apply} twice, returning
     * {@code double} and (through {@code Function1}) {@code Object}. javac refuses to implement such
     * an interface, to extend a Scala class that does, or to make a proxy of it, although the JVM
     * has no objection. {@code calculate} is the trait's one abstract method and the one method
     * Breeze's {@code CachedDiffFunction} calls on the function it wraps (the optimizer calls only
     * the wrapper), so the metafactory's class implements exactly that.
     */
    @SuppressWarnings("unchecked")
    DiffFunction<DenseVector<Object>> asBreeze() {
        DiffFunction<DenseVector<Object>> raw;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodType erased = MethodType.methodType(Tuple2.class, Object.class);
            MethodHandle impl = lookup.findVirtual(LogisticObjective.class, "calculate",
                    MethodType.methodType(Tuple2.class, DenseVector.class));
            CallSite site = LambdaMetafactory.metafactory(lookup, "calculate",
                    MethodType.methodType(DiffFunction.class, LogisticObjective.class), erased, impl,
                    MethodType.methodType(Tuple2.class, DenseVector.class));
            raw = (DiffFunction<DenseVector<Object>>) site.getTarget().invoke(this);
        } catch (Throwable e) {
            throw new IllegalStateException("driver solver: cannot wrap the loss for Breeze: " + e, e);
        }
        return new CachedDiffFunction<>(raw, DenseVector.canCopyDenseVector(ClassTag$.MODULE$.Double()));
    }

    /** Loss and gradient at one point of MLlib's coefficient layout. */
    Tuple2<Object, DenseVector<Object>> calculate(DenseVector<Object> point) {
        double[] x = BreezeVectors.values(point);
        double[] gradient = new double[x.length];
        double loss = !multinomial ? binaryLoss(x, gradient)
                : sets == 3 ? threeClassLoss(x, gradient) : multinomialLoss(x, gradient);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] /= n;
        }
        loss /= n;
        loss += l2(x, gradient);
        return new Tuple2<>(loss, BreezeVectors.of(gradient));
    }

    private double binaryLoss(double[] coef, double[] gradient) {
        double offset = 0;
        if (fitIntercept) {
            offset = coef[d];
            for (int j = 0; j < d; j++) {
                offset -= coef[j] * scaledMean[j];
            }
        }
        double loss = 0;
        double multiplierSum = 0;
        for (int i = 0; i < n; i++) {
            int row = i * d;
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += scaled[row + j] * coef[j];
            }
            double margin = -(dot + offset);
            int label = labels[i];
            loss += label > 0 ? log1pExp(margin) : log1pExp(margin) - margin;
            double multiplier = 1.0 / (1.0 + Math.exp(margin)) - label;
            multiplierSum += multiplier;
            for (int j = 0; j < d; j++) {
                gradient[j] += multiplier * scaled[row + j];
            }
        }
        if (fitIntercept) {
            for (int j = 0; j < d; j++) {
                gradient[j] -= multiplierSum * scaledMean[j];
            }
            gradient[d] = multiplierSum;
        }
        return loss;
    }

    double multinomialLoss(double[] coef, double[] gradient) {
        int k = sets;
        double[] offsets = new double[k];
        if (fitIntercept) {
            for (int c = 0; c < k; c++) {
                double o = coef[d * k + c];
                for (int j = 0; j < d; j++) {
                    o -= coef[j * k + c] * scaledMean[j];
                }
                offsets[c] = o;
            }
        }
        double[] margins = new double[k];
        double[] multiplierSums = new double[k];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int row = i * d;
            System.arraycopy(offsets, 0, margins, 0, k);
            for (int j = 0; j < d; j++) {
                double v = scaled[row + j];
                int base = j * k;
                for (int c = 0; c < k; c++) {
                    margins[c] += coef[base + c] * v;
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, margins[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(margins[c] - max);
            }
            int label = labels[i];
            loss += Math.log(sum) + max - margins[label];
            for (int c = 0; c < k; c++) {
                margins[c] = Math.exp(margins[c] - max) / sum - (c == label ? 1.0 : 0.0);
                multiplierSums[c] += margins[c];
            }
            for (int j = 0; j < d; j++) {
                double v = scaled[row + j];
                int base = j * k;
                for (int c = 0; c < k; c++) {
                    gradient[base + c] += margins[c] * v;
                }
            }
        }
        if (fitIntercept) {
            for (int j = 0; j < d; j++) {
                for (int c = 0; c < k; c++) {
                    gradient[j * k + c] -= multiplierSums[c] * scaledMean[j];
                }
            }
            for (int c = 0; c < k; c++) {
                gradient[d * k + c] = multiplierSums[c];
            }
        }
        return loss;
    }

    /**
     * {@link #multinomialLoss} for three classes, with the margins and multipliers in locals: the
     * same additions and multiplications in the same order, so the same bits, without the loads
     * and stores of a margins array in the innermost loops (the three-class fits of BCCD's labels
     * spend most of their time here). {@code LogisticObjectiveTest} holds the two to the bit.
     */
    double threeClassLoss(double[] coef, double[] gradient) {
        final int k = 3;
        double o0 = 0;
        double o1 = 0;
        double o2 = 0;
        if (fitIntercept) {
            o0 = coef[d * k];
            o1 = coef[d * k + 1];
            o2 = coef[d * k + 2];
            for (int j = 0; j < d; j++) {
                o0 -= coef[j * k] * scaledMean[j];
            }
            for (int j = 0; j < d; j++) {
                o1 -= coef[j * k + 1] * scaledMean[j];
            }
            for (int j = 0; j < d; j++) {
                o2 -= coef[j * k + 2] * scaledMean[j];
            }
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int row = i * d;
            double m0 = o0;
            double m1 = o1;
            double m2 = o2;
            for (int j = 0, base = 0; j < d; j++, base += k) {
                double v = scaled[row + j];
                m0 += coef[base] * v;
                m1 += coef[base + 1] * v;
                m2 += coef[base + 2] * v;
            }
            double max = Math.max(Math.max(Math.max(Double.NEGATIVE_INFINITY, m0), m1), m2);
            double e0 = Math.exp(m0 - max);
            double e1 = Math.exp(m1 - max);
            double e2 = Math.exp(m2 - max);
            double sum = 0;
            sum += e0;
            sum += e1;
            sum += e2;
            int label = labels[i];
            loss += Math.log(sum) + max - (label == 0 ? m0 : label == 1 ? m1 : m2);
            double g0 = e0 / sum - (label == 0 ? 1.0 : 0.0);
            double g1 = e1 / sum - (label == 1 ? 1.0 : 0.0);
            double g2 = e2 / sum - (label == 2 ? 1.0 : 0.0);
            s0 += g0;
            s1 += g1;
            s2 += g2;
            for (int j = 0, base = 0; j < d; j++, base += k) {
                double v = scaled[row + j];
                gradient[base] += g0 * v;
                gradient[base + 1] += g1 * v;
                gradient[base + 2] += g2 * v;
            }
        }
        if (fitIntercept) {
            for (int j = 0; j < d; j++) {
                gradient[j * k] -= s0 * scaledMean[j];
                gradient[j * k + 1] -= s1 * scaledMean[j];
                gradient[j * k + 2] -= s2 * scaledMean[j];
            }
            gradient[d * k] = s0;
            gradient[d * k + 1] = s1;
            gradient[d * k + 2] = s2;
        }
        return loss;
    }

    @Override
    public String toString() {
        return "LogisticObjective(" + n + " rows x " + d + " features, " + sets + " coefficient set(s))";
    }

    /** Adds L2's gradient and returns its value, over the coefficients only. */
    private double l2(double[] coef, double[] gradient) {
        if (regL2 == 0.0) {
            return 0.0;
        }
        double sum = 0;
        int coefficients = d * sets;
        for (int i = 0; i < coefficients; i++) {
            double c = coef[i];
            if (standardization) {
                sum += c * c;
                gradient[i] += c * regL2;
            } else {
                double std = featuresStd[i / sets];
                if (std != 0.0) {
                    double t = c / (std * std);
                    sum += c * t;
                    gradient[i] += regL2 * t;
                }
            }
        }
        return 0.5 * sum * regL2;
    }

    /** log(1 + e^x) without overflow, as MLlib's {@code Utils.log1pExp}. */
    static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
