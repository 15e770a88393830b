package org.cellactive.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;

/**
 * A small cells table with the real table's columns: RBC, WBC and Platelets with Gaussian
 * features whose means differ by class, so the classes are separable but overlap a little.
 */
public final class SyntheticCells {

    public static final List<String> FEATURES = List.of(
            "AreaShape_Area", "Intensity_MeanIntensity_Gray", "Intensity_StdIntensity_Gray", "Intensity_MeanIntensity_Blue");

    private SyntheticCells() {
    }

    public static StructType schema() {
        List<StructField> f = new ArrayList<>(List.of(
                DataTypes.createStructField(AnnotationColumns.IMAGE_ID, DataTypes.StringType, false),
                DataTypes.createStructField(AnnotationColumns.CELL_ID, DataTypes.IntegerType, false),
                DataTypes.createStructField(AnnotationColumns.CELL_TYPE, DataTypes.StringType, true),
                DataTypes.createStructField(AnnotationColumns.IMAGE_PATH, DataTypes.StringType, false),
                DataTypes.createStructField(AnnotationColumns.XMIN, DataTypes.IntegerType, false),
                DataTypes.createStructField(AnnotationColumns.YMIN, DataTypes.IntegerType, false),
                DataTypes.createStructField(AnnotationColumns.XMAX, DataTypes.IntegerType, false),
                DataTypes.createStructField(AnnotationColumns.YMAX, DataTypes.IntegerType, false),
                DataTypes.createStructField(AnnotationColumns.CELL_KEY, DataTypes.StringType, false)));
        for (String c : FEATURES) {
            f.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
        }
        return DataTypes.createStructType(f);
    }

    /**
     * @param perClass cells of RBC, WBC and Platelets, in that order
     */
    public static Dataset<Row> table(SparkSession spark, long seed, int... perClass) {
        String[] types = {"RBC", "WBC", "Platelets"};
        double[][] means = {{0.0, 0.0, 0.0, 0.0}, {2.0, -1.5, 1.0, 1.5}, {-2.0, 1.5, -1.0, 0.5}};
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        int image = 0;
        int cellId = 0;
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                if (cellId == 12) {
                    image++;
                    cellId = 0;
                }
                String imageId = String.format("BloodImage_%05d", image);
                Object[] values = new Object[9 + FEATURES.size()];
                values[0] = imageId;
                values[1] = cellId;
                values[2] = types[c];
                values[3] = "file:/data/" + imageId + ".jpg";
                values[4] = 1;
                values[5] = 1;
                values[6] = 20;
                values[7] = 20;
                values[8] = AnnotationColumns.cellKey(imageId, cellId);
                for (int j = 0; j < FEATURES.size(); j++) {
                    values[9 + j] = 100.0 * (j + 1) + (j + 1) * (means[c][j] + random.nextGaussian());
                }
                rows.add(RowFactory.create(values));
                cellId++;
            }
        }
        return spark.createDataFrame(rows, schema());
    }

    /** A local[2] session with the UI off, for one test class. */
    public static SparkSession session(String name) {
        return SparkSession.builder().master("local[2]").appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
