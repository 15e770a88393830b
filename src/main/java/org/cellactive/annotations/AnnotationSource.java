package org.cellactive.annotations;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.cellactive.io.HadoopSettings;

/**
 * Reads the annotations of a run into an {@link AnnotationTable}, through Hadoop's
 * FileSystem, so local, HDFS and S3 paths all work.
 *
 * <ul>
 *   <li>A folder: every {@code *.xml} in it (recursively; names starting with
 *       {@code .} or {@code _} are skipped, as Spark does) is a Pascal VOC file. The files
 *       are listed by Spark's {@code binaryFile} source and read and parsed on the
 *       executors with {@link VocParser}; the result is persisted (lineage kept, so blocks lost
 *       with an executor are parsed again) and split into boxes and rejects.</li>
 *   <li>A single {@code .csv} file is parsed on the driver with
 *       {@link CsvAnnotationParser} (at most {@link #MAX_CSV_BYTES}).</li>
 *   <li>A single {@code .xml} file is read like a folder of one.</li>
 *   <li>A {@code .parquet} table (as {@code segment} writes {@code boxes.parquet}) is read with
 *       {@link ParquetAnnotationReader}: the annotation columns, each row checked.</li>
 * </ul>
 * A missing annotations path or images folder, a folder that cannot be listed or holds no
 * {@code .xml} file, and a CSV without the required columns throw an
 * {@link AnnotationsException}; a bad file or box inside becomes a reject row.
 */
public final class AnnotationSource {

    /** The CSV is parsed on the driver; 256 MiB is some 3 million boxes. */
    public static final long MAX_CSV_BYTES = 256L * 1024 * 1024;

    private static final StructType BOX_SCHEMA = new StructType()
            .add(AnnotationColumns.IMAGE_ID, DataTypes.StringType, false)
            .add(AnnotationColumns.CELL_ID, DataTypes.IntegerType, false)
            .add(AnnotationColumns.CELL_TYPE, DataTypes.StringType, true)
            .add(AnnotationColumns.IMAGE_PATH, DataTypes.StringType, false)
            .add(AnnotationColumns.XMIN, DataTypes.IntegerType, false)
            .add(AnnotationColumns.YMIN, DataTypes.IntegerType, false)
            .add(AnnotationColumns.XMAX, DataTypes.IntegerType, false)
            .add(AnnotationColumns.YMAX, DataTypes.IntegerType, false)
            .add(AnnotationColumns.CELL_KEY, DataTypes.StringType, false);

    private static final StructType REJECT_SCHEMA = new StructType()
            .add(RejectColumns.FILE, DataTypes.StringType, false)
            .add(RejectColumns.IMAGE_ID, DataTypes.StringType, true)
            .add(RejectColumns.CELL_ID, DataTypes.IntegerType, true)
            .add(RejectColumns.CELL_KEY, DataTypes.StringType, true)
            .add(RejectColumns.STAGE, DataTypes.StringType, false)
            .add(RejectColumns.REASON, DataTypes.StringType, false);

    private AnnotationSource() {
    }

    /** image_id, cell_id, cell_type (nullable), image_path, xmin, ymin, xmax, ymax, cell_key. */
    public static StructType boxSchema() {
        return BOX_SCHEMA;
    }

    /** file, image_id, cell_id, cell_key (those three nullable), stage, reason. */
    public static StructType rejectSchema() {
        return REJECT_SCHEMA;
    }

    /**
     * @param annotationsPath a folder of VOC {@code .xml} files, or one {@code .csv} file
     * @param imagesDir       the folder the annotations' image names are relative to
     * @throws AnnotationsException if the input as a whole is unusable
     */
    public static AnnotationTable read(SparkSession spark, String annotationsPath, String imagesDir) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path annotations = new Path(annotationsPath);
        FileStatus status = statusOf(annotations, conf, "annotations path");
        ImageLocator images = imagesFolder(imagesDir, conf);
        String name = annotations.getName().toLowerCase(Locale.ROOT);
        if (ParquetAnnotationReader.isParquet(annotationsPath)) {
            return ParquetAnnotationReader.read(spark, status.getPath().toString(), images);
        }
        if (status.isDirectory()) {
            requireSomeXml(status.getPath(), conf);
            return readVoc(spark, status.getPath(), conf, images);
        }
        if (name.endsWith(".csv")) {
            return fromParsed(spark, readCsv(status, conf, images));
        }
        if (name.endsWith(".xml")) {
            return readVoc(spark, status.getPath(), conf, images);
        }
        throw new AnnotationsException("annotations path " + annotations
                + " is neither a folder of VOC .xml files nor a .csv file");
    }

    /** Tables of boxes and rejects already parsed on the driver. */
    public static AnnotationTable fromParsed(SparkSession spark, ParsedAnnotations parsed) {
        List<Row> boxes = parsed.boxes().stream().map(AnnotationSource::boxRow).toList();
        List<Row> rejects = parsed.rejects().stream().map(AnnotationSource::rejectRow).toList();
        // Spark slices the list into partitions anywhere, so an image's rows may be split.
        return new AnnotationTable(spark.createDataFrame(boxes, BOX_SCHEMA),
                spark.createDataFrame(rejects, REJECT_SCHEMA), false);
    }

    /** A row of {@link #boxSchema()}. */
    public static Row boxRow(CellBox b) {
        return RowFactory.create(b.imageId(), b.cellId(), b.cellType(), b.imagePath(),
                b.xmin(), b.ymin(), b.xmax(), b.ymax(), b.cellKey());
    }

    /** A row of {@link #rejectSchema()}. */
    public static Row rejectRow(Reject r) {
        return RowFactory.create(r.file(), r.imageId(), r.cellId(), r.cellKey(), r.stage(), r.reason());
    }

    /** The box of a row that has the {@link #boxSchema()} columns (looked up by name). */
    public static CellBox cellBox(Row row) {
        return new CellBox(row.getAs(AnnotationColumns.IMAGE_ID), row.<Integer>getAs(AnnotationColumns.CELL_ID),
                row.getAs(AnnotationColumns.CELL_TYPE), row.getAs(AnnotationColumns.IMAGE_PATH),
                row.<Integer>getAs(AnnotationColumns.XMIN), row.<Integer>getAs(AnnotationColumns.YMIN),
                row.<Integer>getAs(AnnotationColumns.XMAX), row.<Integer>getAs(AnnotationColumns.YMAX));
    }

    private static AnnotationTable readVoc(SparkSession spark, Path path, Configuration conf, ImageLocator images) {
        Dataset<Row> files = spark.read().format("binaryFile")
                .option("pathGlobFilter", "*.[xX][mM][lL]")
                .option("recursiveFileLookup", "true")
                .load(path.toString())
                .select("path", "length"); // not "content": each file is read bounded, on the executor
        Dataset<Row> parsed = files
                .mapPartitions(new VocFileReader(HadoopSettings.broadcast(spark), images),
                        Encoders.row(VocFileReader.UNION_SCHEMA))
                // Persisted, not localCheckpoint()ed: a checkpoint cuts the lineage, so the blocks of
                // an executor that dies could not be parsed again and the whole job failed
                // (CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND). A persisted block lost with its executor is
                // recomputed from the files. On disk only, so the heap does not grow with the archive.
                .persist(StorageLevel.DISK_ONLY());
        Dataset<Row> boxes = parsed
                .filter((FilterFunction<Row>) r -> VocFileReader.BOX.equals(r.getString(0)))
                .map((MapFunction<Row, Row>) r -> RowFactory.create(r.get(1), r.get(2), r.get(3), r.get(4),
                        r.get(5), r.get(6), r.get(7), r.get(8), r.get(9)), Encoders.row(BOX_SCHEMA));
        Dataset<Row> rejects = parsed
                .filter((FilterFunction<Row>) r -> VocFileReader.REJECT.equals(r.getString(0)))
                .map((MapFunction<Row, Row>) r -> RowFactory.create(r.get(10), r.get(1), r.get(2), r.get(9),
                        r.get(11), r.get(12)), Encoders.row(REJECT_SCHEMA));
        // Each file is parsed whole, by one task, its boxes emitted together.
        return new AnnotationTable(boxes, rejects, true);
    }

    private static ParsedAnnotations readCsv(FileStatus csv, Configuration conf, ImageLocator images) {
        Path path = csv.getPath();
        if (csv.getLen() > MAX_CSV_BYTES) {
            throw new AnnotationsException("annotation CSV " + path + " is " + csv.getLen()
                    + " bytes, over the limit of " + MAX_CSV_BYTES + " bytes");
        }
        ImageLocator listed = images.withListing(namesIn(new Path(images.imagesDir()), conf));
        try (Reader reader = new InputStreamReader(path.getFileSystem(conf).open(path), StandardCharsets.UTF_8)) {
            return new CsvAnnotationParser().parse(reader, path.toString(), listed);
        } catch (IOException e) {
            throw new AnnotationsException("cannot read annotation CSV " + path + ": " + e.getMessage(), e);
        }
    }

    private static ImageLocator imagesFolder(String imagesDir, Configuration conf) {
        if (imagesDir == null || imagesDir.isBlank()) {
            throw new AnnotationsException("no images folder given");
        }
        FileStatus status = statusOf(new Path(imagesDir), conf, "images folder");
        if (!status.isDirectory()) {
            throw new AnnotationsException("images folder " + imagesDir + " is not a folder");
        }
        return new ImageLocator(status.getPath().toString());
    }

    private static FileStatus statusOf(Path path, Configuration conf, String what) {
        try {
            return path.getFileSystem(conf).getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new AnnotationsException(what + " does not exist: " + path);
        } catch (IOException | RuntimeException e) {
            throw new AnnotationsException("cannot access " + what + " " + path + ": " + e.getMessage(), e);
        }
    }

    /** Fails early, with the path in the message, where Spark would fail late or read nothing. */
    private static void requireSomeXml(Path dir, Configuration conf) {
        try {
            RemoteIterator<LocatedFileStatus> it = dir.getFileSystem(conf).listFiles(dir, true);
            int skip = dir.toUri().getPath().length();
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String relative = f.getPath().toUri().getPath().substring(skip);
                if (f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".xml") && !hidden(relative)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new AnnotationsException("cannot list annotations folder " + dir + ": " + e.getMessage(), e);
        }
        throw new AnnotationsException("annotations folder " + dir + " holds no .xml file");
    }

    /** Spark's file listing skips every path part that starts with '.' or '_'. */
    private static boolean hidden(String relativePath) {
        for (String part : relativePath.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> namesIn(Path dir, Configuration conf) {
        Set<String> names = new HashSet<>();
        try {
            for (FileStatus f : dir.getFileSystem(conf).listStatus(dir)) {
                if (f.isFile()) {
                    names.add(f.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new AnnotationsException("cannot list images folder " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }
}
