package org.cellactive.annotations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Boxes that annotate the same cell twice: the same class, in the same image, overlapping at
 * intersection over union ≥ {@link #MIN_IOU}. BCCD has seven such RBC pairs, offset by about
 * 2 px. The later box of a pair (higher cell_id) names the earlier one in
 * {@link #COLUMN}; a box that duplicates several names the first. The flagged cells stay in the
 * table (they are real measurements), but a labelling pool should not ask about one cell twice.
 *
 * <p>Coordinates are VOC's, 1-based and inclusive, so a box spans {@code xmax - xmin + 1} pixels.
 *
 * <p>{@code extract} finds the pairs inside the feature stage, image by image ({@link #within}), where
 * each image's boxes already sit together, instead of joining the box table with itself: that join,
 * its aggregation and the broadcast back onto the cells were three more Spark queries and five more
 * jobs in every run. The two agree whenever an image's boxes reach the stage together, which they
 * always do except for one case: two VOC files that name the same image (their boxes would
 * share cell keys too). {@link #of} and {@link #flag} keep the table-wide rule.
 */
public final class NearDuplicates {
    public static final String COLUMN = "near_duplicate_of";
    public static final double MIN_IOU = 0.9;

    private NearDuplicates() {
    }

    /** Intersection over union of two VOC boxes (inclusive corners); 0 for an empty box. */
    public static double iou(CellBox a, CellBox b) {
        long ix = Math.min(a.xmax(), b.xmax()) - Math.max(a.xmin(), b.xmin()) + 1L;
        long iy = Math.min(a.ymax(), b.ymax()) - Math.max(a.ymin(), b.ymin()) + 1L;
        long inter = Math.max(0, ix) * Math.max(0, iy);
        long union = area(a) + area(b) - inter;
        return union <= 0 ? 0 : (double) inter / union;
    }

    private static long area(CellBox b) {
        return Math.max(0L, b.xmax() - b.xmin() + 1L) * Math.max(0L, b.ymax() - b.ymin() + 1L);
    }

    /** One box of an image as {@link #within} needs it: its id, class, key and VOC corners. */
    public record Box(int cellId, String cellType, String cellKey, int xmin, int ymin, int xmax, int ymax) {
        CellBox asCellBox() {
            return new CellBox("_", Math.max(0, cellId), cellType, "_", xmin, ymin, xmax, ymax);
        }
    }

    /**
     * The rule of {@link #of}, within the boxes of one image: for each box, the key of the box with
     * the lowest cell_id among those with a lower cell_id, the same class (both null counts as the
     * same) and IoU &ge; {@link #MIN_IOU}; or null. O(n²) in the image's boxes.
     */
    public static String[] within(List<Box> sameImage) {
        String[] out = new String[sameImage.size()];
        List<CellBox> boxes = new ArrayList<>(sameImage.size());
        for (Box b : sameImage) {
            boxes.add(b.asCellBox());
        }
        for (int j = 0; j < out.length; j++) {
            Box later = sameImage.get(j);
            int firstId = Integer.MAX_VALUE;
            for (int i = 0; i < out.length; i++) {
                Box earlier = sameImage.get(i);
                if (earlier.cellId() < later.cellId() && earlier.cellId() < firstId
                        && java.util.Objects.equals(earlier.cellType(), later.cellType())
                        && iou(boxes.get(i), boxes.get(j)) >= MIN_IOU) {
                    firstId = earlier.cellId();
                    out[j] = earlier.cellKey();
                }
            }
        }
        return out;
    }

    /**
     * For each box that duplicates an earlier one: its {@code cell_key} (as {@code dup_key}) and
     * the earlier box's key ({@link #COLUMN}). Pairs are found within an image and class only.
     */
    public static Dataset<Row> of(Dataset<Row> boxes) {
        Dataset<Row> a = side(boxes, "a_");
        Dataset<Row> b = side(boxes, "b_");
        Column sameCellKind = col("a_image_path").equalTo(col("b_image_path"))
                .and(col("a_cell_type").eqNullSafe(col("b_cell_type")))
                .and(col("a_cell_id").lt(col("b_cell_id")));
        Column ix = least(col("a_xmax"), col("b_xmax")).minus(greatest(col("a_xmin"), col("b_xmin"))).plus(1);
        Column iy = least(col("a_ymax"), col("b_ymax")).minus(greatest(col("a_ymin"), col("b_ymin"))).plus(1);
        Column inter = greatest(ix, lit(0)).cast("long").multiply(greatest(iy, lit(0)).cast("long"));
        Column union = area("a_").plus(area("b_")).minus(inter);
        return a.join(b, sameCellKind)
                .filter(union.gt(0).and(inter.divide(union).geq(MIN_IOU)))
                .groupBy(col("b_cell_key").as("dup_key"))
                .agg(min_by(col("a_cell_key"), col("a_cell_id")).as(COLUMN));
    }

    /**
     * {@code cells} with {@link #COLUMN} right after {@code cell_key}: the key of the box this one
     * duplicates, or null. The duplicates are few, so they are broadcast and the cells do not move.
     */
    public static Dataset<Row> flag(Dataset<Row> cells, Dataset<Row> boxes) {
        Dataset<Row> dups = of(boxes);
        List<Column> columns = new ArrayList<>();
        for (String name : cells.columns()) {
            columns.add(cells.col(name));
            if (name.equals(AnnotationColumns.CELL_KEY)) {
                columns.add(dups.col(COLUMN));
            }
        }
        return cells.join(functions.broadcast(dups), cells.col(AnnotationColumns.CELL_KEY).equalTo(dups.col("dup_key")),
                "left").select(columns.toArray(Column[]::new));
    }

    private static Dataset<Row> side(Dataset<Row> boxes, String prefix) {
        return boxes.select(
                col(AnnotationColumns.IMAGE_PATH).as(prefix + "image_path"),
                col(AnnotationColumns.CELL_TYPE).as(prefix + "cell_type"),
                col(AnnotationColumns.CELL_ID).as(prefix + "cell_id"),
                col(AnnotationColumns.CELL_KEY).as(prefix + "cell_key"),
                col(AnnotationColumns.XMIN).as(prefix + "xmin"),
                col(AnnotationColumns.YMIN).as(prefix + "ymin"),
                col(AnnotationColumns.XMAX).as(prefix + "xmax"),
                col(AnnotationColumns.YMAX).as(prefix + "ymax"));
    }

    private static Column area(String prefix) {
        Column w = greatest(col(prefix + "xmax").minus(col(prefix + "xmin")).plus(1), lit(0)).cast("long");
        Column h = greatest(col(prefix + "ymax").minus(col(prefix + "ymin")).plus(1), lit(0)).cast("long");
        return w.multiply(h);
    }
}
