package org.cellactive.learning.labelling;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.ScoringModel;

/**
 * The current model's predicted class and top probability for every unlabelled cell,
 * kept with each round ({@code predictions.parquet}) so the next round can tell how much
 * of the pool changed its mind. One distributed pass; nothing but two numbers returns to
 * the driver.
 */
public final class PoolPredictions {
    public static final String DIR = "predictions.parquet";
    static final StructType SCHEMA = new StructType(new StructField[] {
        new StructField(AnnotationColumns.CELL_KEY, DataTypes.StringType, false, org.apache.spark.sql.types.Metadata.empty()),
        new StructField("predicted", DataTypes.StringType, false, org.apache.spark.sql.types.Metadata.empty()),
        new StructField("max_probability", DataTypes.DoubleType, false, org.apache.spark.sql.types.Metadata.empty())
    });

    private PoolPredictions() {
    }

    /** Predictions for the cells of {@code unlabelled}. */
    public static Dataset<Row> predict(SparkSession spark, Dataset<Row> unlabelled, List<String> features,
                                       ScoringModel model, List<String> classNames) {
        List<Column> select = new ArrayList<>();
        select.add(col(AnnotationColumns.CELL_KEY));
        features.forEach(f -> select.add(col(f).cast("double")));
        List<String> names = List.copyOf(classNames);
        JavaRDD<Row> rows = unlabelled.select(select.toArray(new Column[0])).toJavaRDD().map(r -> {
            double[] x = new double[r.size() - 1];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.getDouble(i + 1);
            }
            double[] p = model.probabilities(x);
            int best = CrossValidatedAccuracy.argmax(p);
            return RowFactory.create(r.getString(0), names.get(best), p[best]);
        });
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * Share of the cells in both tables whose predicted class differs, or null when the
     * tables share no cell.
     */
    public static Double changedShare(Dataset<Row> previous, Dataset<Row> current) {
        Row r = current.alias("c").join(previous.alias("p"), AnnotationColumns.CELL_KEY)
                .agg(sum(when(col("c.predicted").equalTo(col("p.predicted")), lit(0L)).otherwise(lit(1L))),
                        org.apache.spark.sql.functions.count(lit(1)))
                .first();
        long both = r.getLong(1);
        return both == 0 ? null : r.getLong(0) / (double) both;
    }

    /** Largest 1 - max p among the cells not in {@code batchKeys}, or null when none is left. */
    public static Double maxUncertainty(SparkSession spark, Dataset<Row> predictions, Collection<String> batchKeys) {
        Dataset<Row> batch = spark.createDataset(new ArrayList<>(batchKeys), Encoders.STRING())
                .toDF(AnnotationColumns.CELL_KEY);
        Row r = predictions.join(batch, predictions.col(AnnotationColumns.CELL_KEY)
                        .equalTo(batch.col(AnnotationColumns.CELL_KEY)), "left_anti")
                .agg(max(lit(1.0).minus(col("max_probability")))).first();
        return r.isNullAt(0) ? null : r.getDouble(0);
    }
}
