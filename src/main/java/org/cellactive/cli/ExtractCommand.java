package org.cellactive.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationsException;
import org.cellactive.features.FeatureOptions;
import org.cellactive.features.spark.Extraction;
import org.cellactive.features.spark.OutcomeCounts;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ThresholdMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code extract}: crop every annotated cell, find it, and measure it. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Crops every annotated cell, finds it inside its box, and measures it.",
            "Features carry CellProfiler's names. Writes RUN_DIR/cells.parquet, RUN_DIR/rejects.parquet",
            "and RUN_DIR/manifest.json (written last)."})
public final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--annotations", required = true, paramLabel = "PATH",
            description = "A folder of Pascal VOC XML files (the BCCD layout), or a CSV file.")
    String annotations;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "The folder holding the images (any Hadoop path: local, hdfs://, s3a://).")
    String images;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "The run folder to write.")
    String out;

    @Option(names = "--csv", description = "Also write cells.csv and rejects.csv as single CSV files.")
    boolean csv;

    @Option(names = "--crops", paramLabel = "DIR", description = "Write each crop as DIR/<cell_key>.png.")
    String crops;

    @Option(names = "--max-image-pixels", paramLabel = "N", defaultValue = "100000000",
            description = "Refuse images larger than N pixels before decoding them (default: ${DEFAULT-VALUE}).")
    long maxImagePixels;

    @Option(names = "--features", paramLabel = "FAMILY", split = ",",
            description = "Feature families to measure: AreaShape, Zernike, Intensity, Color, Texture, Granularity "
                    + "(default: AreaShape,Intensity,Color,Texture).")
    List<String> families = new ArrayList<>(FeatureOptions.DEFAULT_FAMILIES);

    @Option(names = "--texture-levels", defaultValue = "256",
            description = "Gray levels of the Haralick co-occurrence matrix, 8..256 (default: ${DEFAULT-VALUE}).")
    int textureLevels;

    @Option(names = "--texture-scale", defaultValue = "3",
            description = "Haralick pixel distance (default: ${DEFAULT-VALUE}).")
    int textureScale;

    @Option(names = "--texture-channels", split = ",", paramLabel = "CHANNEL", defaultValue = "Gray",
            description = "Channels measured by Texture: Gray, Red, Green, Blue (default: ${DEFAULT-VALUE}).")
    List<String> textureChannels;

    @Option(names = "--threshold", defaultValue = "otsu",
            description = "How the cell is found in its box: otsu or li (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks to spread the images over (default: for a VOC folder, the tasks that read the "
                    + "annotation files, so no row moves; for a CSV, 3 per core and at least one per 300 boxes).")
    Integer partitions;

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--overwrite",
            description = "Replace RUN_DIR if it exists (the new run is written beside it, then swapped in).")
    boolean overwrite;

    @Option(names = "--max-reject-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "Exit 3 (after writing everything) when more than F of the boxes and files are rejected"
                    + " (default: ${DEFAULT-VALUE}).")
    double maxRejectFraction;

    @Option(names = "--fail-fast", description = "Stop at the first rejected file or box, write nothing, exit 3.")
    boolean failFast;

    @Override
    public Integer call() throws IOException {
        try (HeapPeak heap = new HeapPeak()) {
            return call(new PhaseClock(), heap);
        }
    }

    private int call(PhaseClock clock, HeapPeak heap) throws IOException {
        RunManifest manifest = new RunManifest("extract");
        FeatureOptions options;
        RejectPolicy policy;
        try {
            options = featureOptions();
            policy = new RejectPolicy(maxRejectFraction, failFast);
        } catch (IllegalArgumentException e) {
            return CliErrors.usage("extract", e.getMessage());
        }
        SparkSession spark = Spark.batchSession("cellactive extract", master.url());
        double sparkSeconds = clock.seconds();
        clock.lap("spark_session");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        RunFolder folder = RunFolder.open(out, overwrite, conf);
        try {
            return extractInto(folder, spark, options, policy, manifest, clock, sparkSeconds, heap);
        } finally {
            folder.discard();
        }
    }

    /** Writes the run into {@code folder}'s staging folder, and commits it unless fail-fast stopped. */
    private int extractInto(RunFolder folder, SparkSession spark, FeatureOptions options, RejectPolicy policy,
            RunManifest manifest, PhaseClock clock, double sparkSeconds, HeapPeak heap) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String dir = folder.staging();
        Extraction.Result run;
        try {
            run = new Extraction(spark).run(new Extraction.Settings(annotations, images, dir, options, maxImagePixels,
                    crops, partitions, policy.failFast()),
                    (total, done) -> new ProgressLine("extract", "cells", total, done, 5000), clock::lap);
        } catch (AnnotationsException e) {
            return CliErrors.input("extract", e.getMessage());
        }
        if (run.failFastStop() != null) {
            System.err.println("extract: " + run.failFastStop() + "; nothing written");
            return ExitCodes.REJECTS_EXCEEDED;
        }
        if (csv) {
            TableFiles.writeSingleCsv(spark.read().parquet(run.cellsPath()), new Path(dir, "cells.csv").toString(), conf);
            TableFiles.writeSingleCsv(spark.read().parquet(run.rejectsPath()), new Path(dir, "rejects.csv").toString(),
                    conf);
            clock.lap("write_csv");
        }
        OutcomeCounts counts = run.counts();
        long measuredCells = counts.measured();
        double seconds = clock.seconds();

        manifest.input("annotations", annotations)
                .input("images", images)
                .option("out", out)
                .option("csv", csv)
                .option("crops", crops)
                .option("max_image_pixels", maxImagePixels)
                .option("features", options.families())
                .option("texture_levels", options.textureLevels())
                .option("texture_scale", options.textureScale())
                .option("texture_channels", textureChannels)
                .option("threshold", options.threshold().name().toLowerCase(Locale.ROOT))
                .option("partitions", run.tasks())
                .option("master", spark.sparkContext().master())
                .option("cores", spark.sparkContext().defaultParallelism())
                .count("boxes", run.boxes() + counts.boxesRejectedWhileParsing())
                .count("cells_measured", measuredCells)
                .count("rejected", counts.rejected())
                .count("near_duplicates", counts.nearDuplicates())
                .count("feature_columns", run.columns())
                .timing("spark_start", sparkSeconds)
                .timing("read_annotations", run.readSeconds())
                .timing("measure_and_write_cells", run.stageSeconds())
                .timing("total", seconds);
        counts.rejectedByStage().forEach((stageName, n) -> manifest.count("rejected_" + stageName, n));
        manifest.option("overwrite", overwrite)
                .option("max_reject_fraction", policy.maxFraction())
                .option("fail_fast", policy.failFast())
                .put("warnings", run.readerWarnings());
        manifest.put("timings_ms", clock.millis())
                .put("cpu_ms", clock.cpuMillis())
                .put("memory", heap.figures());
        manifest.writeTo(dir, conf);
        folder.commit();
        System.out.printf(Locale.ROOT, "extract: %,d cells measured, %,d rejected, %.1f s, %.0f cells/s -> %s%n",
                measuredCells, counts.rejected(), seconds, measuredCells / seconds, out);
        if (policy.exceeded(measuredCells, counts.rejected())) {
            System.err.println("extract: error: " + policy.summary(measuredCells, counts.rejected()));
            return ExitCodes.REJECTS_EXCEEDED;
        }
        return ExitCodes.OK;
    }

    private FeatureOptions featureOptions() {
        List<Channel> channels = new ArrayList<>();
        for (String c : textureChannels) {
            try {
                channels.add(Channel.parse(c));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown channel '" + c + "' in --texture-channels; "
                        + "choose from Gray, Red, Green, Blue");
            }
        }
        ThresholdMethod method;
        try {
            method = ThresholdMethod.valueOf(threshold.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --threshold '" + threshold + "'; choose otsu or li");
        }
        return new FeatureOptions(families, textureLevels, textureScale, channels, method);
    }
}
