package org.cellactive.learning.solver;

import java.util.List;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vectors;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.LearnerParams;

/**
 * MLlib's logistic-regression objective written out in the unscaled space, independently of the
 * driver solver's code: mean log-loss plus regParam × ((1 − α)/2 · Σβ² + α · Σ|β|), where with
 * standardization each β is first multiplied by its feature's (unbiased) standard deviation.
 * Intercepts are never penalised.
 */
final class MllibObjective {

    private MllibObjective() {
    }

    static double value(LogisticRegressionModel model, List<LabelledCell> rows, LearnerParams p) {
        int d = rows.get(0).features().length;
        double[] mean = new double[d];
        for (LabelledCell c : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += c.features()[j] / rows.size();
            }
        }
        double[] std = new double[d];
        for (LabelledCell c : rows) {
            for (int j = 0; j < d; j++) {
                double e = c.features()[j] - mean[j];
                std[j] += e * e / (rows.size() - 1);
            }
        }
        double loss = 0;
        for (LabelledCell c : rows) {
            double[] prob = model.predictProbability(Vectors.dense(c.features())).toArray();
            loss -= Math.log(prob[c.label()]) / rows.size();
        }
        Matrix beta = model.coefficientMatrix();
        double l2 = 0;
        double l1 = 0;
        for (int k = 0; k < beta.numRows(); k++) {
            for (int j = 0; j < d; j++) {
                double b = beta.apply(k, j) * (p.standardization() ? Math.sqrt(std[j]) : 1.0);
                l2 += b * b;
                l1 += Math.abs(b);
            }
        }
        double alpha = p.elasticNetParam();
        return loss + p.regParam() * ((1 - alpha) / 2 * l2 + alpha * l1);
    }
}
