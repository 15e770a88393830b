package org.cellactive.segmentation.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.annotations.AnnotationSource;
import org.cellactive.annotations.RejectColumns;
import org.cellactive.features.CellPipeline;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.io.CappedRead;
import org.cellactive.io.HadoopSettings;
import org.cellactive.segmentation.ImageSegmenter;
import org.cellactive.segmentation.SegmentationSettings;

/**
 * The distributed segment stage: image paths in, one row per object found out. The boxes table has
 * exactly the annotation columns {@code extract} reads ({@link AnnotationSource#boxSchema()}, with
 * {@code cell_type} null), then {@link #AREA} and {@link #TOUCHES_BORDER}.
 */
public final class SegmentStage {
    public static final String AREA = "area";
    public static final String TOUCHES_BORDER = "touches_border";
    static final String REJECT_STAGE = "_reject_stage";
    static final String REJECT_REASON = "_reject_reason";

    /** The box columns (nullable: a reject row has only the file), area, touches_border, reject stage and reason. */
    static final StructType OUTCOME = outcomeSchema();

    private final SegmentationSettings settings;
    private final long maxImagePixels;
    private final String overlaysDir;

    /** @param overlaysDir a Hadoop path for each image's overlay PNG, or null */
    public SegmentStage(SegmentationSettings settings, long maxImagePixels, String overlaysDir) {
        this.settings = settings;
        this.maxImagePixels = maxImagePixels;
        this.overlaysDir = overlaysDir;
    }

    /** How many tasks by default: three per core, and at least one per 100 images, so progress lines move. */
    public static int defaultPartitions(long images, int cores) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(3L * cores, (images + 99) / 100));
    }

    /**
     * @param files one row per image file, its path (a qualified Hadoop path string) in column 0
     */
    public Dataset<Row> outcomes(SparkSession spark, Dataset<Row> files, int tasks, LongAccumulator imagesDone,
                                 LongAccumulator imagesEmpty) {
        return outcomes(spark, files, tasks, imagesDone, imagesEmpty, true);
    }

    /**
     * As {@link #outcomes(SparkSession, Dataset, int, LongAccumulator, LongAccumulator)}; with
     * {@code segment} false the images are read and decoded, and nothing else: a benchmark's baseline.
     */
    public Dataset<Row> outcomes(SparkSession spark, Dataset<Row> files, int tasks, LongAccumulator imagesDone,
                                 LongAccumulator imagesEmpty, boolean segment) {
        ImagePartitionSegmenter body = new ImagePartitionSegmenter(
                CellPipeline.cropping(new ImageDecoder(maxImagePixels)), segment ? new ImageSegmenter(settings) : null,
                CappedRead.imageFileCap(maxImagePixels), HadoopSettings.broadcast(spark), overlaysDir, imagesDone,
                imagesEmpty);
        return files.repartition(tasks)
                .mapPartitions(body, Encoders.row(OUTCOME))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The objects found: the annotation columns, area and touches_border. */
    public static Dataset<Row> boxes(Dataset<Row> outcomes) {
        List<Column> columns = new ArrayList<>();
        for (StructField f : AnnotationSource.boxSchema().fields()) {
            columns.add(col(f.name()));
        }
        columns.add(col(AREA));
        columns.add(col(TOUCHES_BORDER));
        return outcomes.filter(col(REJECT_STAGE).isNull()).select(columns.toArray(Column[]::new));
    }

    /** Files that could not be segmented, in the rejects schema. */
    public static Dataset<Row> rejects(Dataset<Row> outcomes) {
        return outcomes.filter(col(REJECT_STAGE).isNotNull()).select(
                col(AnnotationColumns.IMAGE_PATH).as(RejectColumns.FILE),
                col(AnnotationColumns.IMAGE_ID).as(RejectColumns.IMAGE_ID),
                col(AnnotationColumns.CELL_ID).as(RejectColumns.CELL_ID),
                col(AnnotationColumns.CELL_KEY).as(RejectColumns.CELL_KEY),
                col(REJECT_STAGE).as(RejectColumns.STAGE),
                col(REJECT_REASON).as(RejectColumns.REASON));
    }

    private static StructType outcomeSchema() {
        StructType s = new StructType();
        for (StructField f : AnnotationSource.boxSchema().fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        return s.add(AREA, DataTypes.IntegerType, true)
                .add(TOUCHES_BORDER, DataTypes.BooleanType, true)
                .add(REJECT_STAGE, DataTypes.StringType, true)
                .add(REJECT_REASON, DataTypes.StringType, true);
    }
}
