package org.cellactive.learning.labelling;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.cellactive.annotations.AnnotationColumns;

/**
 * The first batches, while fewer than two classes are labelled and no model can be fit:
 * a seeded sample spread across images. Images are put in a seeded order, and the batch
 * takes one cell from each image in turn (round-robin), the cell within an image also in
 * seeded order. A batch of k therefore covers min(k, images) different images, which
 * reaches rare classes sooner than k cells of a random few images.
 *
 * <p>Done with Spark SQL: a per-image rank and a bounded top-k; the table never comes to the driver.
 */
public final class ColdStartSample {
    private ColdStartSample() {
    }

    /**
     * @param unlabelled the cells table without the labelled cells
     * @return up to k cell keys, in pick order
     */
    public static List<String> pick(Dataset<Row> unlabelled, int k, long seed) {
        String key = AnnotationColumns.CELL_KEY;
        String image = AnnotationColumns.IMAGE_ID;
        Dataset<Row> ranked = unlabelled.select(col(key), col(image))
                .withColumn("_cell_order", xxhash64(lit(seed), col(key)))
                .withColumn("_image_order", xxhash64(lit(seed), col(image)))
                .withColumn("_turn", row_number().over(Window.partitionBy(col(image))
                        .orderBy(col("_cell_order"), col(key))));
        return ranked.orderBy(col("_turn"), col("_image_order"), col(image), col(key)).limit(k)
                .select(col(key)).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }
}
