package org.cellactive.annotations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.cellactive.reject.RejectedException;

/**
 * Reads boxes from a Parquet table with the annotation columns, as {@code segment} writes them
 * ({@code boxes.parquet}): {@code image_id, cell_id, image_path, xmin, ymin, xmax, ymax}, and
 * optionally {@code cell_type}; other columns (area, touches_border, ...) are ignored.
 *
 * <p>The table is as hostile as any annotation file: every {@code image_path} must lie inside the
 * images folder ({@link ImageLocator}), corners are checked as in VOC and CSV files, and a bad row
 * becomes a reject row (stage {@code annotation}) that names the table and the reason. Rows are
 * checked on the executors, so a large table never passes through the driver.
 */
final class ParquetAnnotationReader implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final List<String> REQUIRED = List.of(AnnotationColumns.IMAGE_ID, AnnotationColumns.CELL_ID,
            AnnotationColumns.IMAGE_PATH, AnnotationColumns.XMIN, AnnotationColumns.YMIN, AnnotationColumns.XMAX,
            AnnotationColumns.YMAX);

    private final String table;
    private final ImageLocator images;

    private ParquetAnnotationReader(String table, ImageLocator images) {
        this.table = table;
        this.images = images;
    }

    /** True for a path named {@code *.parquet} (a Spark table folder or a single file). */
    static boolean isParquet(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet");
    }

    static AnnotationTable read(SparkSession spark, String path, ImageLocator images) {
        Dataset<Row> raw;
        try {
            raw = spark.read().parquet(path);
        } catch (RuntimeException e) {
            throw new AnnotationsException("cannot read annotation table " + path + ": " + e.getMessage(), e);
        }
        Set<String> present = Set.of(raw.columns());
        List<String> missing = REQUIRED.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new AnnotationsException("annotation table " + path + " lacks column(s) " + String.join(", ", missing)
                    + "; its columns are: " + String.join(",", raw.columns()));
        }
        // Casts turn values of other types (or out of range) into null, which the rows then reject.
        List<Column> columns = new ArrayList<>(Arrays.asList(
                col(AnnotationColumns.IMAGE_ID).cast("string"),
                col(AnnotationColumns.CELL_ID).cast("int"),
                present.contains(AnnotationColumns.CELL_TYPE)
                        ? col(AnnotationColumns.CELL_TYPE).cast("string") : lit(null).cast("string"),
                col(AnnotationColumns.IMAGE_PATH).cast("string")));
        for (String corner : List.of(AnnotationColumns.XMIN, AnnotationColumns.YMIN, AnnotationColumns.XMAX,
                AnnotationColumns.YMAX)) {
            // As text, so BoxCorners reports a non-integer the way it does for VOC and CSV.
            columns.add(col(corner).cast("string"));
        }
        Dataset<Row> parsed = raw.select(columns.toArray(Column[]::new))
                .mapPartitions(new ParquetAnnotationReader(path, images), Encoders.row(VocFileReader.UNION_SCHEMA));
        Dataset<Row> boxes = parsed
                .filter((FilterFunction<Row>) r -> VocFileReader.BOX.equals(r.getString(0)))
                .map((MapFunction<Row, Row>) r -> RowFactory.create(r.get(1), r.get(2), r.get(3), r.get(4),
                        r.get(5), r.get(6), r.get(7), r.get(8), r.get(9)), Encoders.row(AnnotationSource.boxSchema()));
        Dataset<Row> rejects = parsed
                .filter((FilterFunction<Row>) r -> VocFileReader.REJECT.equals(r.getString(0)))
                .map((MapFunction<Row, Row>) r -> RowFactory.create(r.get(10), r.get(1), r.get(2), r.get(9),
                        r.get(11), r.get(12)), Encoders.row(AnnotationSource.rejectSchema()));
        // Parquet files may be split anywhere: an image's rows are not known to be adjacent.
        return new AnnotationTable(boxes, rejects, false);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>();
        long n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            n++;
            String imageId = r.getString(0);
            Integer cellId = r.isNullAt(1) ? null : r.getInt(1);
            try {
                if (imageId == null || imageId.isBlank()) {
                    throw reject("image_id is empty");
                }
                if (cellId == null || cellId < 0) {
                    throw reject("cell_id is missing or not an integer >= 0");
                }
                String imagePath = inside(r.getString(3));
                BoxCorners c = BoxCorners.parse(r.getString(4), r.getString(5), r.getString(6), r.getString(7));
                String type = r.getString(2);
                CellBox b = new CellBox(imageId, cellId, type == null || type.isEmpty() ? null : type, imagePath,
                        c.xmin(), c.ymin(), c.xmax(), c.ymax());
                out.add(RowFactory.create(VocFileReader.BOX, b.imageId(), b.cellId(), b.cellType(), b.imagePath(),
                        b.xmin(), b.ymin(), b.xmax(), b.ymax(), b.cellKey(), null, null, null));
            } catch (RejectedException e) {
                Reject j = Reject.of(table, imageId == null || imageId.isBlank() ? null : imageId, cellId, e);
                out.add(RowFactory.create(VocFileReader.REJECT, j.imageId(), j.cellId(), null, null, null, null, null,
                        null, j.cellKey(), j.file(), j.stage(), j.reason()));
            }
        }
        return out.iterator();
    }

    /** The image path, if it names a file inside the images folder; resolved as an annotation's name would be. */
    private String inside(String imagePath) throws RejectedException {
        if (imagePath == null || imagePath.isBlank()) {
            throw reject("image_path is empty");
        }
        String dir = images.imagesDir() + "/";
        String given = new org.apache.hadoop.fs.Path(imagePath).toString();
        if (!given.startsWith(dir)) {
            throw reject("image_path " + ReasonText.quote(imagePath) + " lies outside the images folder " + images.imagesDir());
        }
        return images.resolve(given.substring(dir.length()));
    }

    private static RejectedException reject(String reason) {
        return new RejectedException(RejectedException.Stage.ANNOTATION, reason);
    }
}
