package org.cellactive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.synth.SyntheticCellTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synth-cells}: a synthetic cells table of any size ({@link SyntheticCellTable}), made
 * in Spark, for scale runs of {@code query}, {@code serve} and {@code score} without extracting.
 */
@Command(name = "synth-cells", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes a synthetic cells table of N cells, for scale runs of query, serve and score.",
            "OUT/cells.parquet has the columns of extract's cells table, the true class in cell_type (BCCD's mix:",
            "85%% RBC, 8%% WBC, 7%% platelets), boxes on the real images of --images, and D Gaussian features",
            "Synthetic_Feature_00.. whose means differ by class. The rows are made in Spark; the table is",
            "the same for a seed whatever --partitions is."})
public final class SynthCellsCommand implements Callable<Integer> {

    @Option(names = "--cells", required = true, paramLabel = "N", description = "Number of cells.")
    long cells;

    @Option(names = "--features", defaultValue = "30", paramLabel = "D",
            description = "Feature columns (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "A local folder of .jpg images the boxes are put on (BCCD's JPEGImages), so crops work.")
    java.nio.file.Path images;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run folder for cells.parquet (any Hadoop path).")
    String out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks and Parquet files (default: one per million cells, at least one per core).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace an existing --out folder whole.")
    boolean overwrite;

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        RunManifest manifest = new RunManifest("synth-cells");
        if (cells < 1 || features < 1 || (partitions != null && partitions < 1)) {
            return CliErrors.usage("synth-cells", "--cells, --features and --partitions must be at least 1");
        }
        if (!Files.isDirectory(images)) {
            return CliErrors.input("synth-cells", "--images " + images + " is not a folder");
        }
        List<String> imageUris;
        try {
            imageUris = SyntheticCellTable.imagesIn(images);
        } catch (IllegalArgumentException e) {
            return CliErrors.input("synth-cells", e.getMessage());
        }
        SparkSession spark = Spark.session("cellactive synth-cells", master.url());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        RunFolder folder = RunFolder.open(out, overwrite, conf);
        try {
            int tasks = partitions != null ? partitions
                    : SyntheticCellTable.defaultPartitions(cells, spark.sparkContext().defaultParallelism());
            String table = new Path(folder.staging(), "cells.parquet").toString();
            long writeStarted = System.nanoTime();
            TableFiles.writeParquet(SyntheticCellTable.table(spark, cells, features, imageUris, seed, tasks), table);
            double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;
            Map<String, Long> byClass = classCounts(spark.read().parquet(table));
            manifest.input("images", images.toAbsolutePath().toString())
                    .option("cells", cells)
                    .option("features", features)
                    .option("seed", seed)
                    .option("partitions", tasks)
                    .option("master", spark.sparkContext().master())
                    .count("cells", byClass.values().stream().mapToLong(Long::longValue).sum())
                    .count("image_files", imageUris.size())
                    .timing("write_cells", writeSeconds);
            byClass.forEach((c, n) -> manifest.count("cells_" + c, n));
            double seconds = (System.nanoTime() - started) / 1e9;
            manifest.timing("total", seconds).writeTo(folder.staging(), conf);
            folder.commit();
            System.out.printf(Locale.ROOT, "synth-cells: %,d cells %s, %d features, %d files, %.1f s, %,.0f cells/s -> %s%n",
                    cells, byClass, features, tasks, seconds, cells / writeSeconds, out);
            return 0;
        } finally {
            folder.discard();
        }
    }

    private static Map<String, Long> classCounts(Dataset<Row> table) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : table.groupBy(AnnotationColumns.CELL_TYPE).count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
