package org.cellactive.learning;

import java.util.ArrayList;
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

/**
 * MLlib {@code LogisticRegression}, refit on the labelled cells every round. With
 * {@link LearnerParams#warmStart()} each fit starts from the previous round's model, which
 * cuts the L-BFGS iterations (each one a Spark job) to a few. One Learner belongs to one
 * loop: it is not shared between threads.
 */
public final class Learner {

    private final SparkSession spark;
    private final LearnerParams params;
    private final ClassLabels classes;
    private final StructType schema;
    private LogisticRegressionModel previous;
    private int lastIterations;

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
     * Fits on {@code labelled}, a small driver-side set: it travels as a one-partition
     * local DataFrame, so each L-BFGS iteration is a single task.
     */
    public LogisticRegressionModel fit(List<LabelledCell> labelled) {
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("learner: no labelled cells to fit on");
        }
        List<Row> rows = new ArrayList<>(labelled.size());
        for (LabelledCell c : labelled) {
            if (c.label() < 0 || c.label() >= classes.size()) {
                throw new IllegalArgumentException("learner: cell " + c.key() + " has label index " + c.label()
                        + " outside " + classes.names());
            }
            rows.add(RowFactory.create((double) c.label(), Vectors.dense(c.features())));
        }
        Dataset<Row> data = spark.createDataFrame(rows, schema).coalesce(1);
        LogisticRegression lr = new LogisticRegression()
                .setRegParam(params.regParam())
                .setElasticNetParam(params.elasticNetParam())
                .setMaxIter(params.maxIter())
                .setTol(params.tol())
                .setStandardization(params.standardization())
                .setFitIntercept(params.fitIntercept())
                .setFamily(classes.size() == 2 ? "binomial" : "multinomial");
        if (params.warmStart() && previous != null) {
            lr.setInitialModel(previous);
        }
        LogisticRegressionModel model = lr.fit(data);
        lastIterations = model.summary().totalIterations();
        previous = model;
        return model;
    }

    /** L-BFGS iterations of the last fit: a warm start shows here. */
    public int lastIterations() {
        return lastIterations;
    }

    public LearnerParams params() {
        return params;
    }

    public ClassLabels classes() {
        return classes;
    }
}
