package org.cellactive.annotations;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The annotations as two tables: one row per usable box
 * ({@link AnnotationSource#boxSchema()}), one row per file or box that could not be used
 * ({@link AnnotationSource#rejectSchema()}, stage {@code annotation}).
 *
 * @param groupedByImage true when each image's boxes are adjacent rows of one partition, as a
 *                       VOC file's boxes are: the feature stage can then measure the partitions
 *                       as they are, without moving rows between tasks
 */
public record AnnotationTable(Dataset<Row> boxes, Dataset<Row> rejects, boolean groupedByImage) {
}
