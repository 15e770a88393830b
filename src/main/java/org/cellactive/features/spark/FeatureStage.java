package org.cellactive.features.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.annotations.AnnotationTable;
import org.cellactive.annotations.NearDuplicates;
import org.cellactive.annotations.RejectColumns;
import org.cellactive.features.CellMeasurer;
import org.cellactive.features.CellPipeline;
import org.cellactive.features.FeatureOptions;
import org.cellactive.features.ReaderWarningCounter;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.io.CappedRead;
import org.cellactive.io.HadoopSettings;

/**
 * The distributed feature stage: box rows in, one outcome row per box out.
 *
 * <p>Each task reads and decodes an image once for the run of adjacent rows that name it.
 * Rows are therefore first repartitioned by image and sorted within each partition, so
 * that every image is read by exactly one task, unless they already arrive grouped by image,
 * as a VOC folder's do: then each input partition is one task, and no row moves
 * ({@link #taskPlan}, {@link #outcomes}). The outcome holds the box's
 * columns, then {@link NearDuplicates#COLUMN} (the earlier box of the same image this one
 * near-duplicates, or null), then {@link #REJECT_STAGE} and {@link #REJECT_REASON} (null for measured
 * cells), then {@link #VALUES}, the cell's feature values as one array (null for rejected
 * boxes); {@link #cells(Dataset)} spreads the array into one column per feature, and
 * {@link #rejects(Dataset)} lists the rest.
 *
 * <p>One array, not a column per feature, because Spark builds the code that writes a task's
 * output rows in every task, and with 142 columns that alone took some 30 ms of each task.
 */
public final class FeatureStage {
    public static final String REJECT_STAGE = "_reject_stage";
    public static final String REJECT_REASON = "_reject_reason";
    public static final String VALUES = "_values";

    private final CellMeasurer measurer;
    private final long maxImagePixels;
    private final String cropsDir;
    private ReaderWarningCounter readerWarnings = new ReaderWarningCounter();

    /**
     * @param cropsDir a Hadoop path where each crop is written as {@code <cell_key>.png}, or null
     */
    public FeatureStage(FeatureOptions options, long maxImagePixels, String cropsDir) {
        this.measurer = new CellMeasurer(options);
        this.maxImagePixels = maxImagePixels;
        this.cropsDir = cropsDir;
    }

    /**
     * How many tasks to spread {@code boxes} over by default: three per core, so that a slow task
     * is balanced by the others, and at least one per 300 boxes, so that progress lines move.
     */
    public static int defaultPartitions(long boxes, int cores) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(3L * cores, (boxes + 299) / 300));
    }

    public CellMeasurer measurer() {
        return measurer;
    }

    /**
     * Warnings of image readers for images that were still measured, counted per kind, once the
     * stage's outcomes are computed (read it after writing them).
     */
    public Map<String, Long> readerWarnings() {
        return readerWarnings.value();
    }

    /** How the stage's rows reach its tasks: as read ({@code inPlace}), or moved by image to {@code tasks} tasks. */
    public record TaskPlan(boolean inPlace, int tasks) {
    }

    /**
     * Rows stay where they were read when they come grouped by image and no task count is asked
     * for; otherwise they move to {@code partitions} tasks, or to {@link #defaultPartitions}.
     *
     * @param partitions the user's task count, or null
     */
    public static TaskPlan taskPlan(AnnotationTable table, Integer partitions, long boxes, int cores) {
        if (partitions == null && table.groupedByImage()) {
            return new TaskPlan(true, table.boxes().rdd().getNumPartitions());
        }
        return new TaskPlan(false, partitions != null ? partitions : defaultPartitions(boxes, cores));
    }

    /**
     * Plans the stage. {@code done} counts boxes as their images finish, for progress lines.
     *
     * <p>In place, the rows are measured in the partitions they come in: their images' boxes
     * must already be adjacent within one partition
     * ({@link org.cellactive.annotations.AnnotationTable#groupedByImage()}); no shuffle. (Rows
     * of one image split over partitions would still be measured right, the image read once per
     * part.) Otherwise each image's rows are moved to one of {@code plan.tasks()} tasks and
     * sorted there.
     */
    public Dataset<Row> outcomes(SparkSession spark, Dataset<Row> boxes, TaskPlan plan, LongAccumulator done) {
        Dataset<Row> grouped = plan.inPlace() ? boxes : boxes
                .repartition(plan.tasks(), col(AnnotationColumns.IMAGE_PATH))
                .sortWithinPartitions(AnnotationColumns.IMAGE_PATH, AnnotationColumns.CELL_ID);
        return measure(spark, grouped, done);
    }

    private Dataset<Row> measure(SparkSession spark, Dataset<Row> boxes, LongAccumulator done) {
        StructType boxSchema = boxes.schema();
        StructType outcome = boxSchema
                .add(NearDuplicates.COLUMN, DataTypes.StringType, true)
                .add(REJECT_STAGE, DataTypes.StringType, true)
                .add(REJECT_REASON, DataTypes.StringType, true)
                .add(VALUES, DataTypes.createArrayType(DataTypes.DoubleType, false), true);
        readerWarnings = new ReaderWarningCounter();
        spark.sparkContext().register(readerWarnings, "reader warnings");
        // Bounding the file keeps one task's memory bounded.
        ImagePartitionMeasurer body = new ImagePartitionMeasurer(
                new CellPipeline(new ImageDecoder(maxImagePixels, readerWarnings), measurer),
                CappedRead.imageFileCap(maxImagePixels), HadoopSettings.broadcast(spark), cropsDir, done,
                BoxFields.of(boxSchema));
        // The outcomes are read twice (cells, then rejects and counts), so they are kept; on disk
        // only, serialized, so the heap stays flat whatever the archive's size (the scale run,
        // docs/benchmarks.md §1: in memory, the peak heap after GC grew 2.4x from 2,000 to
        // 20,000 images). Lineage is kept: a block lost with its executor is recomputed.
        return boxes
                .mapPartitions(body, Encoders.row(outcome))
                .persist(StorageLevel.DISK_ONLY());
    }

    /**
     * Measured cells: the box columns, {@link NearDuplicates#COLUMN}, then one column per feature, in
     * {@link CellMeasurer#columns()} order.
     */
    public Dataset<Row> cells(Dataset<Row> outcomes) {
        List<Column> columns = new ArrayList<>();
        for (String name : outcomes.columns()) {
            if (!name.equals(REJECT_STAGE) && !name.equals(REJECT_REASON) && !name.equals(VALUES)) {
                columns.add(col(name));
            }
        }
        List<String> features = measurer.columns();
        for (int i = 0; i < features.size(); i++) {
            columns.add(col(VALUES).getItem(i).as(features.get(i)));
        }
        return outcomes.filter(col(REJECT_STAGE).isNull()).select(columns.toArray(Column[]::new));
    }

    /** Boxes that could not be measured, in the rejects schema. */
    public static Dataset<Row> rejects(Dataset<Row> outcomes) {
        return outcomes.filter(col(REJECT_STAGE).isNotNull()).select(
                col(AnnotationColumns.IMAGE_PATH).as(RejectColumns.FILE),
                col(AnnotationColumns.IMAGE_ID).as(RejectColumns.IMAGE_ID),
                col(AnnotationColumns.CELL_ID).as(RejectColumns.CELL_ID),
                col(AnnotationColumns.CELL_KEY).as(RejectColumns.CELL_KEY),
                col(REJECT_STAGE).as(RejectColumns.STAGE),
                col(REJECT_REASON).as(RejectColumns.REASON));
    }
}
