package org.cellactive.learning.labelling;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.ScoringModel;

/**
 * The current model's predicted class and top probability for every unlabelled cell, kept
 * with each {@code query} round ({@code predictions.parquet}) for people and tools to read.
 * The next round compares its predictions through the round's {@link ModelFile} instead; this
 * table is read for that only in ledgers written before model.json existed.
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
            int best = ClassLabels.predicted(p);
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
}
