package org.cellactive.features.spark;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.cellactive.annotations.AnnotationSource;
import org.cellactive.annotations.AnnotationTable;
import org.cellactive.annotations.RejectColumns;
import org.cellactive.features.FeatureOptions;

/**
 * One {@code extract} run: read the annotations, measure every box in the feature stage, and
 * write {@code cells.parquet} (near-duplicate boxes flagged) and {@code rejects.parquet} into the
 * run folder (the command's staging folder). The command around
 * it adds the CSV copies, the manifest and the summary line.
 *
 * <p>Before anything is written, both input paths are checked
 * ({@link org.cellactive.annotations.AnnotationsException}), and an old manifest is removed, so a
 * folder that was complete is never left looking complete while it is being rewritten.
 */
public final class Extraction {

    /**
     * What to extract, and how. {@code partitions} and {@code cropsDir} may be null.
     *
     * @param failFast stop at the first reject and write nothing ({@link FailFast})
     */
    public record Settings(String annotations, String images, String out, FeatureOptions features,
                           long maxImagePixels, String cropsDir, Integer partitions, boolean failFast) {
    }

    /** Starts a progress report over {@code total} boxes; closed when the stage ends. */
    public interface Progress {
        AutoCloseable start(long total, LongSupplier done);
    }

    /** Told as each phase of the run ends, by name, for the manifest's timings. */
    public interface Phases {
        void ended(String phase);

        Phases NONE = phase -> { };
    }

    /**
     * @param boxes        boxes read (not those rejected while parsing)
     * @param tasks        tasks the stage ran in
     * @param columns      feature columns of the cells table
     * @param readSeconds  reading and counting the annotations
     * @param stageSeconds measuring and writing cells.parquet
     * @param readerWarnings the image reader's warnings, counted per kind (the images were measured)
     * @param counts         what the two tables hold, for the manifest (null when stopped)
     * @param failFastStop   with {@link Settings#failFast}: the reject that stopped the run (nothing was
     *                       written); otherwise null
     */
    public record Result(String cellsPath, String rejectsPath, long boxes, int tasks, int columns,
                         double readSeconds, double stageSeconds, Map<String, Long> readerWarnings,
                         OutcomeCounts counts, String failFastStop) {

        static Result stopped(String why) {
            return new Result(null, null, 0, 0, 0, 0, 0, Map.of(), null, why);
        }
    }

    private final SparkSession spark;

    public Extraction(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Runs the extraction.
     *
     * @throws org.cellactive.annotations.AnnotationsException if an input path is missing or unusable
     */
    public Result run(Settings s, Progress progress) throws IOException {
        return run(s, progress, Phases.NONE);
    }

    /** As {@link #run(Settings, Progress)}, telling {@code phases} as each phase ends. */
    public Result run(Settings s, Progress progress, Phases phases) throws IOException {
        long started = System.nanoTime();
        AnnotationTable table = AnnotationSource.read(spark, s.annotations(), s.images());
        table.boxes().persist(StorageLevel.DISK_ONLY()); // read again by the stage; off the heap at any size
        long boxCount = table.boxes().count();
        long read = System.nanoTime();
        phases.ended("read_annotations");
        if (s.failFast()) {
            List<Row> first = table.rejects().limit(1).collectAsList();
            if (!first.isEmpty()) {
                Row r = first.get(0);
                return Result.stopped(FailFast.FAIL_FAST_MARK + r.getAs(RejectColumns.FILE) + " at stage "
                        + r.getAs(RejectColumns.STAGE) + ": " + r.getAs(RejectColumns.REASON));
            }
        }
        FileSystem outFs = new Path(s.out()).getFileSystem(spark.sparkContext().hadoopConfiguration());
        outFs.mkdirs(new Path(s.out()));
        outFs.delete(new Path(s.out(), "manifest.json"), false);

        FeatureStage stage = new FeatureStage(s.features(), s.maxImagePixels(), s.cropsDir());
        LongAccumulator done = spark.sparkContext().longAccumulator("boxes done");
        FeatureStage.TaskPlan plan = FeatureStage.taskPlan(table, s.partitions(), boxCount,
                spark.sparkContext().defaultParallelism());
        Dataset<Row> outcomes = stage.outcomes(spark, table.boxes(), plan, done);
        Dataset<Row> measured = s.failFast() ? FailFast.stopAtFirstReject(outcomes) : outcomes;
        Dataset<Row> cells = stage.cells(measured);
        Dataset<Row> rejects = table.rejects().unionByName(FeatureStage.rejects(outcomes));
        String cellsPath = new Path(s.out(), "cells.parquet").toString();
        String rejectsPath = new Path(s.out(), "rejects.parquet").toString();
        try (AutoCloseable ignored = progress.start(boxCount, done::value)) {
            cells.write().mode(SaveMode.Overwrite).parquet(cellsPath);
        } catch (Exception e) { // SparkException is checked, but Scala throws it undeclared
            String stop = FailFast.failFastMessage(e);
            if (stop != null) {
                outcomes.unpersist();
                return Result.stopped(stop);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("extract failed: " + e, e);
        }
        double stageSeconds = (System.nanoTime() - read) / 1e9;
        phases.ended("measure_and_write_cells");
        rejects.write().mode(SaveMode.Overwrite).parquet(rejectsPath);
        phases.ended("write_rejects");
        OutcomeCounts counts = OutcomeCounts.of(outcomes, table.rejects());
        outcomes.unpersist();
        phases.ended("count_outputs");
        return new Result(cellsPath, rejectsPath, boxCount, plan.tasks(), stage.measurer().columns().size(),
                (read - started) / 1e9, stageSeconds, stage.readerWarnings(), counts, null);
    }
}
