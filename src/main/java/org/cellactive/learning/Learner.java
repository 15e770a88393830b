package org.cellactive.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cellactive.learning.solver.DriverLogisticRegression;

/**
 * The estimator the loop refits every round: MLlib's {@code LogisticRegression} objective,
 * minimised by the {@link Solver} its params name. Like a Spark ml estimator it holds only its
 * params: {@link #fit} returns a new, real MLlib {@code LogisticRegressionModel} and keeps
 * nothing, so one Learner may serve many loops and threads.
 *
 * <p>A fit depends only on the set of labelled cells, never on their order: rows are sorted by
 * cell key before either solver sees them, so the same labels give the same model to the bit,
 * however and on whichever master they arrived.
 */
public final class Learner {

    private final SparkSession spark;
    private final LearnerParams params;
    private final ClassLabels classes;
    private final StructType schema;

    /**
     * One fit.
     *
     * @param solver     the solver that ran: {@link Solver#DRIVER} or {@link Solver#SPARK}
     * @param iterations optimizer iterations (a warm start shows here)
     */
    public record Fit(LogisticRegressionModel model, Solver solver, int iterations) {
    }

    public Learner(SparkSession spark, LearnerParams params, ClassLabels classes) {
        this.spark = spark;
        this.params = params;
        this.classes = classes;
        // The label's metadata tells MLlib the number of classes, so a labelled set that
        // lacks the highest class still gives a model over all of them.
        Metadata labelMeta = NominalAttribute.defaultAttr().withName("label")
                .withValues(classes.names().toArray(new String[0])).toMetadata();
        this.schema = new StructType(new StructField[] {
            new StructField("label", DataTypes.DoubleType, false, labelMeta),
            new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty())
        });
    }

    /**
     * Fits on {@code labelled}, a driver-side set.
     *
     * @param initial the previous round's model, used as the starting point when
     *                {@link LearnerParams#warmStart()} is on; may be null
     */
    public Fit fit(List<LabelledCell> labelled, LogisticRegressionModel initial) {
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("learner: no labelled cells to fit on");
        }
        List<LabelledCell> rows = new ArrayList<>(labelled);
        rows.sort(Comparator.comparing(LabelledCell::key));
        for (int i = 0; i < rows.size(); i++) {
            LabelledCell c = rows.get(i);
            if (c.label() < 0 || c.label() >= classes.size()) {
                throw new IllegalArgumentException("learner: cell " + c.key() + " has label index " + c.label()
                        + " outside " + classes.names());
            }
            if (i > 0 && rows.get(i - 1).key().equals(c.key())) {
                throw new IllegalArgumentException("learner: cell " + c.key() + " is labelled twice");
            }
        }
        LogisticRegression lr = estimator();
        LogisticRegressionModel start = params.warmStart() ? initial : null;
        int features = rows.get(0).features().length;
        long coefficients = (long) (features + (params.fitIntercept() ? 1 : 0)) * (classes.size() == 2 ? 1
                : classes.size());
        Solver solver = params.solver().resolve(rows.size(), coefficients);
        if (solver == Solver.DRIVER) {
            double[][] x = new double[rows.size()][];
            int[] y = new int[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rows.get(i).features();
                y[i] = rows.get(i).label();
            }
            DriverLogisticRegression.Result r = DriverLogisticRegression.fit(lr, x, y, classes.size(), start);
            return new Fit(r.model(), Solver.DRIVER, r.iterations());
        }
        List<Row> data = new ArrayList<>(rows.size());
        for (LabelledCell c : rows) {
            data.add(RowFactory.create((double) c.label(), Vectors.dense(c.features())));
        }
        // One partition: each L-BFGS iteration is then a single task, and rows keep their order.
        Dataset<Row> frame = spark.createDataFrame(data, schema).coalesce(1);
        if (start != null) {
            lr.setInitialModel(start);
        }
        LogisticRegressionModel model = lr.fit(frame);
        return new Fit(model, Solver.SPARK, model.summary().totalIterations());
    }

    /** MLlib's estimator with these params: what both solvers read their settings from. */
    LogisticRegression estimator() {
        return new LogisticRegression()
                .setRegParam(params.regParam())
                .setElasticNetParam(params.elasticNetParam())
                .setMaxIter(params.maxIter())
                .setTol(params.tol())
                .setStandardization(params.standardization())
                .setFitIntercept(params.fitIntercept())
                .setFamily(classes.size() == 2 ? "binomial" : "multinomial");
    }

    public LearnerParams params() {
        return params;
    }

    public ClassLabels classes() {
        return classes;
    }
}
