package org.cellactive.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.cellactive.imaging.ThresholdMethod;
import org.cellactive.segmentation.Declump;
import org.cellactive.segmentation.SegmentationSettings;
import org.cellactive.segmentation.spark.Segmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code segment}: finds every cell in images without boxes, as CellProfiler's IdentifyPrimaryObjects. */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Finds every cell in a folder of images that carry no boxes (smoothing, global threshold, filled holes,",
            "declumping and a seeded watershed, size limits, border objects; colour for white cells).",
            "Writes RUN_DIR/boxes.parquet (the annotation columns extract reads, cell_type empty, plus area and",
            "touches_border), RUN_DIR/rejects.parquet and RUN_DIR/manifest.json (written last).",
            "Then: extract --annotations RUN_DIR/boxes.parquet --images DIR measures the objects."})
public final class SegmentCommand implements Callable<Integer> {

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "The folder of images (any Hadoop path: local, hdfs://, s3a://); every file in it is tried.")
    String images;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "The run folder to write.")
    String out;

    @Option(names = "--min-diameter", paramLabel = "PX", defaultValue = "25",
            description = "Drop objects whose equivalent diameter is smaller (default: ${DEFAULT-VALUE}).")
    double minDiameter;

    @Option(names = "--max-diameter", paramLabel = "PX", defaultValue = "300",
            description = "Drop objects whose equivalent diameter is larger (default: ${DEFAULT-VALUE}).")
    double maxDiameter;

    @Option(names = "--threshold", defaultValue = "li",
            description = "Global threshold of the smoothed darkness: li (minimum cross-entropy, CellProfiler's default)"
                    + " or otsu (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--declump", defaultValue = "cells",
            description = "How touching cells are split: cells (shape, then a model of the image's typical red cell"
                    + " that merges fragments and splits clumps by area), shape (CellProfiler's, alone: fewer red cells"
                    + " found, fewer over-split), intensity or none (default: ${DEFAULT-VALUE}).")
    String declump;

    @Option(names = "--seed-distance", paramLabel = "PX", defaultValue = "16",
            description = "Declumping seeds closer than this are one cell's (default: ${DEFAULT-VALUE}).")
    double seedDistance;

    @Option(names = "--keep-border", description = "Keep objects that touch the image border (default: dropped).")
    boolean keepBorder;

    @Option(names = "--overlays", paramLabel = "DIR", description = "Write each image as DIR/<image_id>.png with the outlines drawn.")
    String overlays;

    @Option(names = "--csv", description = "Also write boxes.csv and rejects.csv as single CSV files.")
    boolean csv;

    @Option(names = "--max-image-pixels", paramLabel = "N", defaultValue = "100000000",
            description = "Refuse images larger than N pixels before decoding them (default: ${DEFAULT-VALUE}).")
    long maxImagePixels;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks to spread the images over (default: 3 per core, at least one per 100 images).")
    Integer partitions;

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        RunManifest manifest = new RunManifest("segment");
        SegmentationSettings settings;
        try {
            settings = new SegmentationSettings(minDiameter, maxDiameter, thresholdMethod(), Declump.parse(declump),
                    seedDistance, keepBorder);
            if (partitions != null && partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            return CliErrors.usage("segment", e.getMessage());
        }
        SparkSession spark = Spark.session("cellactive segment", master.url());
        long sparkReady = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Segmentation.Result run;
        try {
            run = new Segmentation(spark).run(new Segmentation.Settings(images, out, settings, maxImagePixels, overlays,
                    partitions), (total, done) -> new ProgressLine("segment", "images", total, done, 5000));
        } catch (IllegalArgumentException e) {
            return CliErrors.input("segment", e.getMessage());
        }
        if (csv) {
            TableFiles.writeSingleCsv(spark.read().parquet(run.boxesPath()), new Path(out, "boxes.csv").toString(), conf);
            TableFiles.writeSingleCsv(spark.read().parquet(run.rejectsPath()), new Path(out, "rejects.csv").toString(),
                    conf);
        }
        long objects = spark.read().parquet(run.boxesPath()).count();
        RejectCounts rejected = RejectCounts.of(spark.read().parquet(run.rejectsPath()));
        double seconds = (System.nanoTime() - started) / 1e9;
        manifest.input("images", images)
                .option("out", out)
                .option("min_diameter", minDiameter)
                .option("max_diameter", maxDiameter)
                .option("threshold", settings.threshold().name().toLowerCase(Locale.ROOT))
                .option("declump", settings.declump().name().toLowerCase(Locale.ROOT))
                .option("seed_distance", seedDistance)
                .option("keep_border", keepBorder)
                .option("overlays", overlays)
                .option("csv", csv)
                .option("max_image_pixels", maxImagePixels)
                .option("partitions", run.tasks())
                .option("master", spark.sparkContext().master())
                .option("cores", spark.sparkContext().defaultParallelism())
                .count("files", run.images())
                .count("objects", objects)
                .count("images_without_objects", run.emptyImages())
                .count("rejected", rejected.total())
                .timing("spark_start", (sparkReady - started) / 1e9)
                .timing("list_images", run.listSeconds())
                .timing("segment_and_write_boxes", run.stageSeconds())
                .timing("total", seconds);
        rejected.byStage().forEach((stage, n) -> manifest.count("rejected_" + stage, n));
        manifest.writeTo(out, conf);
        System.out.printf(Locale.ROOT, "segment: %,d objects in %,d files, %,d rejected, %.1f s, %.1f images/s -> %s%n",
                objects, run.images(), rejected.total(), seconds, run.images() / seconds, out);
        return 0;
    }

    private ThresholdMethod thresholdMethod() {
        try {
            return ThresholdMethod.parse(threshold);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --threshold '" + threshold + "'; choose otsu or li");
        }
    }
}
