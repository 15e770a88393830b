package org.cellactive.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;

/**
 * A synthetic cells table of any size, made in Spark: the columns of {@code extract}'s
 * cells table (keys, the true class in {@code cell_type}, a box on a real image so crops
 * work), then {@code D} feature columns {@code Synthetic_Feature_00 ..}.
 *
 * <p>BCCD's class mix (85% RBC, 8% WBC, 7% platelets); each feature is a standard Gaussian,
 * shifted by {@value #SHIFT} for the class whose index equals the feature's index mod 3, so the
 * classes overlap but separate. {@value #CELLS_PER_IMAGE} cells per synthetic image; image
 * {@code j} puts its boxes on real image {@code j mod images}.
 *
 * <p>Cell {@code i}'s row depends only on {@code i}, the seed and the settings (its own random
 * stream is derived from the seed and {@code i}), so the table is the same for a seed however
 * many partitions make it, and no row ever exists on the driver.
 */
public final class SyntheticCellTable {
    public static final int CELLS_PER_IMAGE = 20;
    public static final double SHIFT = 1.5;
    static final String[] CLASSES = {"RBC", "WBC", "Platelets"};
    static final int FIXED_COLUMNS = 9;

    private SyntheticCellTable() {
    }

    /** Feature column {@code f}'s name. */
    public static String featureName(int f) {
        return String.format(Locale.ROOT, "Synthetic_Feature_%02d", f);
    }

    public static StructType schema(int features) {
        StructType schema = boxColumns();
        for (int f = 0; f < features; f++) {
            schema = schema.add(featureName(f), DataTypes.DoubleType);
        }
        return schema;
    }

    /** A cells table's columns before its features: the annotation's, with the truth in cell_type. */
    public static StructType boxColumns() {
        return new StructType()
                .add(AnnotationColumns.IMAGE_ID, DataTypes.StringType)
                .add(AnnotationColumns.CELL_ID, DataTypes.IntegerType)
                .add(AnnotationColumns.CELL_TYPE, DataTypes.StringType)
                .add(AnnotationColumns.IMAGE_PATH, DataTypes.StringType)
                .add(AnnotationColumns.XMIN, DataTypes.IntegerType)
                .add(AnnotationColumns.YMIN, DataTypes.IntegerType)
                .add(AnnotationColumns.XMAX, DataTypes.IntegerType)
                .add(AnnotationColumns.YMAX, DataTypes.IntegerType)
                .add(AnnotationColumns.CELL_KEY, DataTypes.StringType);
    }

    /** The {@code .jpg} files of a local folder, sorted, as URIs: the images the boxes are put on. */
    public static List<String> imagesIn(Path dir) throws IOException {
        List<String> images;
        try (Stream<Path> s = Files.list(dir)) {
            images = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted()
                    .map(p -> p.toAbsolutePath().toUri().toString()).toList();
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no .jpg image to put the synthetic boxes on");
        }
        return images;
    }

    /**
     * The table, lazily: {@code spark.range(cells)} in {@code partitions} partitions, each row
     * computed in the executors.
     *
     * @param images the real images' URIs (see {@link #imagesIn}); boxes lie inside 640×480
     */
    public static Dataset<Row> table(SparkSession spark, long cells, int features, List<String> images, long seed,
                                     int partitions) {
        if (cells < 1 || features < 1 || partitions < 1 || images.isEmpty()) {
            throw new IllegalArgumentException("a synthetic table needs cells, features and partitions >= 1 and"
                    + " an image; got " + cells + ", " + features + ", " + partitions + ", " + images.size());
        }
        List<String> paths = List.copyOf(images);
        MapPartitionsFunction<Long, Row> rows = ids -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public Row next() {
                return RowFactory.create(row(ids.next(), features, paths, seed));
            }
        };
        return spark.range(0, cells, 1, partitions).mapPartitions(rows, Encoders.row(schema(features)));
    }

    /** Partitions for {@code cells} cells: one per million (about 250 MB of Parquet at 30 features), at least {@code cores}. */
    public static int defaultPartitions(long cells, int cores) {
        return (int) Math.max(cores, (cells + 999_999) / 1_000_000);
    }

    /** Cell {@code i}'s values, in {@link #schema} order. */
    static Object[] row(long i, int features, List<String> images, long seed) {
        SplittableRandom random = new SplittableRandom(mix(seed, i));
        double u = random.nextDouble();
        int cls = u < 0.85 ? 0 : u < 0.93 ? 1 : 2;
        long image = i / CELLS_PER_IMAGE;
        int cellId = (int) (i % CELLS_PER_IMAGE);
        String imageId = "Synthetic_" + zeroPadded(image, 7);
        int x = 1 + random.nextInt(540);
        int y = 1 + random.nextInt(380);
        Object[] values = new Object[FIXED_COLUMNS + features];
        values[0] = imageId;
        values[1] = cellId;
        values[2] = CLASSES[cls];
        values[3] = images.get((int) (image % images.size()));
        values[4] = x;
        values[5] = y;
        values[6] = x + 40 + random.nextInt(60);
        values[7] = y + 40 + random.nextInt(60);
        values[8] = AnnotationColumns.cellKey(imageId, cellId);
        for (int f = 0; f < features; f++) {
            double shift = (f % 3 == cls) ? SHIFT : 0.0;
            values[FIXED_COLUMNS + f] = shift + random.nextGaussian();
        }
        return values;
    }

    /** A well-mixed 64-bit seed for cell {@code i} (Stafford's mix13 of seed and index). */
    static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String zeroPadded(long v, int width) {
        String s = Long.toString(v);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width);
        for (int k = s.length(); k < width; k++) {
            b.append('0');
        }
        return b.append(s).toString();
    }
}
