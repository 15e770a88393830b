package org.cellactive.segmentation.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.cellactive.segmentation.SegmentationSettings;

/**
 * One {@code segment} run: list the image files of a folder (any Hadoop path; names starting with
 * {@code .} or {@code _} are skipped, as Spark skips them), segment each in the segment stage, and
 * write {@code boxes.parquet} and {@code rejects.parquet}. Every other file in the folder is tried
 * as an image, so a file that is not one is a reject row, not a silent gap.
 */
public final class Segmentation {

    /** What to segment, and how. {@code partitions} and {@code overlaysDir} may be null. */
    public record Settings(String images, String out, SegmentationSettings segmentation, long maxImagePixels,
                           String overlaysDir, Integer partitions) {
    }

    /** Starts a progress report over {@code total} images; closed when the stage ends. */
    public interface Progress {
        AutoCloseable start(long total, LongSupplier done);
    }

    /**
     * @param images      files tried
     * @param emptyImages images in which nothing was found
     */
    public record Result(String boxesPath, String rejectsPath, long images, long emptyImages, int tasks,
                         double listSeconds, double stageSeconds) {
    }

    private final SparkSession spark;

    public Segmentation(SparkSession spark) {
        this.spark = spark;
    }

    /** @throws IllegalArgumentException if the images folder does not exist or is not a folder */
    public Result run(Settings s, Progress progress) throws IOException {
        long started = System.nanoTime();
        Path dir = new Path(s.images());
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        FileStatus status;
        try {
            status = fs.getFileStatus(dir);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("images folder does not exist: " + s.images());
        }
        if (!status.isDirectory()) {
            throw new IllegalArgumentException("images folder " + s.images() + " is not a folder");
        }
        Dataset<Row> files = spark.read().format("binaryFile").load(status.getPath().toString()).select("path");
        files.cache();
        long count = files.count();
        long listed = System.nanoTime();
        FileSystem outFs = new Path(s.out()).getFileSystem(spark.sparkContext().hadoopConfiguration());
        outFs.mkdirs(new Path(s.out()));
        outFs.delete(new Path(s.out(), "manifest.json"), false);
        if (s.overlaysDir() != null) {
            Path overlays = new Path(s.overlaysDir());
            overlays.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(overlays);
        }

        int tasks = s.partitions() != null ? s.partitions()
                : SegmentStage.defaultPartitions(count, spark.sparkContext().defaultParallelism());
        LongAccumulator done = spark.sparkContext().longAccumulator("images done");
        LongAccumulator empty = spark.sparkContext().longAccumulator("images without objects");
        SegmentStage stage = new SegmentStage(s.segmentation(), s.maxImagePixels(), s.overlaysDir());
        Dataset<Row> outcomes = stage.outcomes(spark, files, Math.max(1, tasks), done, empty);
        String boxesPath = new Path(s.out(), "boxes.parquet").toString();
        String rejectsPath = new Path(s.out(), "rejects.parquet").toString();
        try (AutoCloseable ignored = progress.start(count, done::value)) {
            SegmentStage.boxes(outcomes).write().mode(SaveMode.Overwrite).parquet(boxesPath);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the progress report failed", e);
        }
        double stageSeconds = (System.nanoTime() - listed) / 1e9;
        SegmentStage.rejects(outcomes).write().mode(SaveMode.Overwrite).parquet(rejectsPath);
        outcomes.unpersist();
        files.unpersist();
        return new Result(boxesPath, rejectsPath, count, empty.value(), tasks, (listed - started) / 1e9, stageSeconds);
    }
}
