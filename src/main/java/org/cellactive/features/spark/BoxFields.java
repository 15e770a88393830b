package org.cellactive.features.spark;

import java.io.Serializable;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;

/**
 * Positions of the annotation columns in a box row, looked up once on the driver so
 * executors read fields by index. The key columns are the first {@code keyCount}
 * fields of the box schema and are copied to every output row unchanged.
 */
record BoxFields(int keyCount, int imagePath, int cellKey, int cellId, int cellType,
                 int xmin, int ymin, int xmax, int ymax) implements Serializable {

    static BoxFields of(StructType boxSchema) {
        return new BoxFields(boxSchema.fields().length,
                boxSchema.fieldIndex(AnnotationColumns.IMAGE_PATH),
                boxSchema.fieldIndex(AnnotationColumns.CELL_KEY),
                boxSchema.fieldIndex(AnnotationColumns.CELL_ID),
                boxSchema.fieldIndex(AnnotationColumns.CELL_TYPE),
                boxSchema.fieldIndex(AnnotationColumns.XMIN),
                boxSchema.fieldIndex(AnnotationColumns.YMIN),
                boxSchema.fieldIndex(AnnotationColumns.XMAX),
                boxSchema.fieldIndex(AnnotationColumns.YMAX));
    }
}
