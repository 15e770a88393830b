package org.cellactive.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment's boxes as extract's annotations: the Parquet table, and its CSV copy. */
class ParquetAnnotationReaderTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ParquetAnnotationReaderTest")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static final StructType SEGMENT_BOXES = new StructType()
            .add("image_id", DataTypes.StringType).add("cell_id", DataTypes.IntegerType)
            .add("cell_type", DataTypes.StringType).add("image_path", DataTypes.StringType)
            .add("xmin", DataTypes.IntegerType).add("ymin", DataTypes.IntegerType)
            .add("xmax", DataTypes.IntegerType).add("ymax", DataTypes.IntegerType)
            .add("cell_key", DataTypes.StringType).add("area", DataTypes.IntegerType)
            .add("touches_border", DataTypes.BooleanType);

    @Test
    void readsSegmentsBoxesAndRejectsEveryBadRowByName(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        String inside = images.toUri().toString().replace("file:///", "file:/") + "a.jpg";
        List<Row> rows = List.of(
                RowFactory.create("a", 0, null, inside, 10, 20, 30, 40, "a_00", 400, false),
                RowFactory.create("a", 1, null, "file:/etc/passwd", 10, 20, 30, 40, "a_01", 400, false),
                RowFactory.create("a", 2, null, inside, -5, 20, 30, 40, "a_02", 400, false),
                RowFactory.create("a", 3, null, inside, 50, 20, 30, 40, "a_03", 400, false),
                RowFactory.create("a", null, null, inside, 10, 20, 30, 40, null, 400, false));
        Path table = dir.resolve("run/boxes.parquet");
        spark.createDataFrame(rows, SEGMENT_BOXES).coalesce(1).write().parquet(table.toString());

        AnnotationTable read = AnnotationSource.read(spark, table.toString(), images.toString());

        List<Row> boxes = read.boxes().collectAsList();
        assertEquals(1, boxes.size());
        Row b = boxes.get(0);
        assertEquals("a_00", b.getString(8));
        assertNull(b.get(2), "cell_type stays empty");
        assertEquals(List.of(10, 20, 30, 40), List.of(b.getInt(4), b.getInt(5), b.getInt(6), b.getInt(7)));
        assertTrue(b.getString(3).endsWith("/images/a.jpg"));
        Map<String, String> reasons = new TreeMap<>();
        for (Row r : read.rejects().collectAsList()) {
            assertEquals("annotation", r.getString(4));
            assertTrue(r.getString(0).endsWith("boxes.parquet"), "the reject names the table");
            reasons.put(r.isNullAt(2) ? "no cell" : "cell " + r.getInt(2), r.getString(5));
        }
        assertTrue(reasons.get("cell 1").contains("lies outside the images folder"), reasons.toString());
        assertEquals("xmin -5 is negative", reasons.get("cell 2"));
        assertEquals("xmin 50 > xmax 30", reasons.get("cell 3"));
        assertEquals("cell_id is missing or not an integer >= 0", reasons.get("no cell"));
    }

    @Test
    void aTableWithoutTheAnnotationColumnsIsRefusedWhole(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path table = dir.resolve("other.parquet");
        spark.range(3).toDF("id").write().parquet(table.toString());
        AnnotationsException e = assertThrows(AnnotationsException.class,
                () -> AnnotationSource.read(spark, table.toString(), images.toString()));
        assertTrue(e.getMessage().contains("lacks column(s) image_id, cell_id, image_path"), e.getMessage());
    }

    @Test
    void theCsvCopyReadsAsTheArticlesLayout() {
        String csv = "image_id,cell_id,cell_type,image_path,xmin,ymin,xmax,ymax,cell_key,area,touches_border\n"
                + "BloodImage_00007,0,,file:/x/BloodImage_00007.jpg,1,1,95,36,BloodImage_00007_00,2636,true\n";
        ImageLocator images = new ImageLocator("/data/images").withListing(java.util.Set.of("BloodImage_00007.jpg"));
        ParsedAnnotations parsed = new CsvAnnotationParser().parse(new StringReader(csv), "boxes.csv", images);
        assertEquals(List.of(), parsed.rejects());
        CellBox b = parsed.boxes().get(0);
        assertEquals("BloodImage_00007_00", b.cellKey());
        assertNull(b.cellType());
        assertEquals("file:/data/images/BloodImage_00007.jpg", b.imagePath());
    }
}
