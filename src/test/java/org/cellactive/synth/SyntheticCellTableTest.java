package org.cellactive.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticCellTableTest {
    private static final List<String> IMAGES = List.of("file:/a.jpg", "file:/b.jpg", "file:/c.jpg");
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("SyntheticCellTableTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aCellsKeysAndBoxFollowFromItsIndex() {
        Object[] v = SyntheticCellTable.row(45, 4, IMAGES, 7);
        assertEquals(9 + 4, v.length);
        assertEquals("Synthetic_0000002", v[0], "cell 45 is on synthetic image 45 / 20 = 2");
        assertEquals(5, v[1], "its 6th cell");
        assertEquals("file:/c.jpg", v[3], "image 2 puts its boxes on real image 2 mod 3");
        assertEquals(AnnotationColumns.cellKey("Synthetic_0000002", 5), v[8]);
        assertEquals("file:/a.jpg", SyntheticCellTable.row(60, 4, IMAGES, 7)[3], "image 3 wraps to real image 0");
        for (long i = 0; i < 2_000; i++) {
            Object[] r = SyntheticCellTable.row(i, 1, IMAGES, 7);
            int x0 = (int) r[4];
            int y0 = (int) r[5];
            int x1 = (int) r[6];
            int y1 = (int) r[7];
            assertTrue(x0 >= 1 && y0 >= 1 && x1 - x0 >= 40 && y1 - y0 >= 40 && x1 <= 640 && y1 <= 480,
                    "a box of 40-99 px inside a 640x480 image: " + Arrays.toString(r));
        }
    }

    @Test
    void classMixAndClassShiftedFeaturesAreBccdLike() {
        int n = 60_000;
        int[] count = new int[3];
        double[][] sum = new double[3][3];
        for (long i = 0; i < n; i++) {
            Object[] r = SyntheticCellTable.row(i, 3, IMAGES, 11);
            int c = List.of("RBC", "WBC", "Platelets").indexOf((String) r[2]);
            count[c]++;
            for (int f = 0; f < 3; f++) {
                sum[c][f] += (double) r[9 + f];
            }
        }
        assertEquals(0.85, count[0] / (double) n, 0.01);
        assertEquals(0.08, count[1] / (double) n, 0.01);
        assertEquals(0.07, count[2] / (double) n, 0.01);
        for (int c = 0; c < 3; c++) {
            for (int f = 0; f < 3; f++) {
                double expected = f == c ? SyntheticCellTable.SHIFT : 0.0;
                assertEquals(expected, sum[c][f] / count[c], 0.06, "class " + c + " feature " + f);
            }
        }
    }

    @Test
    void theTableIsTheSameForASeedWhateverThePartitioning() {
        List<Row> one = sorted(SyntheticCellTable.table(spark, 1_234, 5, IMAGES, 3, 1));
        List<Row> seven = sorted(SyntheticCellTable.table(spark, 1_234, 5, IMAGES, 3, 7));
        assertEquals(1_234, one.size());
        assertEquals(one, seven);
        assertEquals(Arrays.asList(SyntheticCellTable.row(0, 5, IMAGES, 3)),
                scala.jdk.javaapi.CollectionConverters.asJava(one.get(0).toSeq()), "row 0 is cell 0's values");
        assertNotEquals(one, sorted(SyntheticCellTable.table(spark, 1_234, 5, IMAGES, 4, 7)), "another seed");
        assertEquals(SyntheticCellTable.schema(5), SyntheticCellTable.table(spark, 1, 5, IMAGES, 3, 1).schema());
        assertEquals("Synthetic_Feature_04", SyntheticCellTable.schema(5).fieldNames()[13]);
    }

    @Test
    void defaultPartitionsAreOnePerMillionCellsAndAtLeastOnePerCore() {
        assertEquals(2, SyntheticCellTable.defaultPartitions(1_000, 2));
        assertEquals(10, SyntheticCellTable.defaultPartitions(10_000_000, 2));
        assertEquals(11, SyntheticCellTable.defaultPartitions(10_000_001, 2));
    }

    @Test
    void nothingToPutBoxesOnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticCellTable.table(spark, 10, 2, List.of(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticCellTable.table(spark, 0, 2, IMAGES, 1, 1));
    }

    private static List<Row> sorted(Dataset<Row> table) {
        return table.orderBy(AnnotationColumns.CELL_KEY).collectAsList();
    }
}
