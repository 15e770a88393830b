package org.cellactive.annotations;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The annotations as two tables: one row per usable box
 * ({@link AnnotationSource#boxSchema()}), one row per file or box that could not be used
 * ({@link AnnotationSource#rejectSchema()}, stage {@code annotation}).
 */
public record AnnotationTable(Dataset<Row> boxes, Dataset<Row> rejects) {
}
