package org.cellactive.learning.labelling;

import java.util.List;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.Solver;

/** The labelling rounds' one call into {@link Learner}, for query, serve and score. */
public final class ModelFit {
    private ModelFit() {
    }

    /**
     * A fitted model and what the fit cost.
     *
     * @param solver     where it was solved (AUTO resolved)
     * @param iterations optimizer iterations (a warm start shows here)
     */
    public record Fitted(LogisticRegressionModel model, Solver solver, int iterations) {
    }

    /**
     * @param initialOrNull the previous round's model over the same classes, to warm-start from
     *                      (used when the parameters ask for warm starts), or null
     */
    public static Fitted fit(SparkSession spark, LearnerParams params, ClassLabels classes,
                             List<LabelledCell> labelled, LogisticRegressionModel initialOrNull) {
        Learner.Fit fit = new Learner(spark, params, classes).fit(labelled, initialOrNull);
        return new Fitted(fit.model(), fit.solver(), fit.iterations());
    }
}
