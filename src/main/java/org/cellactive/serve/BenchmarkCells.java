package org.cellactive.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;

/**
 * A synthetic cells table of any size for serve's benchmark: the cells table's columns, BCCD's
 * class mix (85% RBC, 8% WBC, 7% platelets), Gaussian features whose means differ by class,
 * and boxes on real images so the page's crops cost what they cost on real data.
 */
final class BenchmarkCells {
    private BenchmarkCells() {
    }

    static void write(SparkSession spark, Path out, int cells, int features, Path imagesDir, long seed)
            throws java.io.IOException {
        List<String> images;
        try (Stream<Path> s = Files.list(imagesDir)) {
            images = s.filter(p -> p.toString().endsWith(".jpg")).sorted().map(p -> p.toUri().toString()).toList();
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException(imagesDir + ": no .jpg image to put the synthetic boxes on");
        }
        StructType schema = new StructType()
                .add(AnnotationColumns.IMAGE_ID, DataTypes.StringType)
                .add(AnnotationColumns.CELL_ID, DataTypes.IntegerType)
                .add(AnnotationColumns.CELL_TYPE, DataTypes.StringType)
                .add(AnnotationColumns.IMAGE_PATH, DataTypes.StringType)
                .add(AnnotationColumns.XMIN, DataTypes.IntegerType)
                .add(AnnotationColumns.YMIN, DataTypes.IntegerType)
                .add(AnnotationColumns.XMAX, DataTypes.IntegerType)
                .add(AnnotationColumns.YMAX, DataTypes.IntegerType)
                .add(AnnotationColumns.CELL_KEY, DataTypes.StringType);
        for (int f = 0; f < features; f++) {
            schema = schema.add(String.format(Locale.ROOT, "Synthetic_Feature_%02d", f), DataTypes.DoubleType);
        }
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(cells);
        for (int i = 0; i < cells; i++) {
            double u = random.nextDouble();
            int cls = u < 0.85 ? 0 : u < 0.93 ? 1 : 2;
            String type = new String[] {"RBC", "WBC", "Platelets"}[cls];
            int image = i / 20;
            String imageId = String.format(Locale.ROOT, "Synthetic_%06d", image);
            int x = 1 + random.nextInt(540);
            int y = 1 + random.nextInt(380);
            Object[] values = new Object[9 + features];
            values[0] = imageId;
            values[1] = i % 20;
            values[2] = type;
            values[3] = images.get(image % images.size());
            values[4] = x;
            values[5] = y;
            values[6] = x + 40 + random.nextInt(60);
            values[7] = y + 40 + random.nextInt(60);
            values[8] = AnnotationColumns.cellKey(imageId, i % 20);
            for (int f = 0; f < features; f++) {
                // Each class shifts a different third of the features; the classes overlap but separate.
                double shift = (f % 3 == cls) ? 1.5 : 0.0;
                values[9 + f] = shift + random.nextGaussian();
            }
            rows.add(RowFactory.create(values));
        }
        spark.createDataFrame(rows, schema).coalesce(2).write().mode("overwrite").parquet(out.toUri().toString());
    }
}
