package org.cellactive.annotations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationSourceTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("AnnotationSourceTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void readsTheWholeBccdFolder() {
        AnnotationTable table = AnnotationSource.read(spark,
                BccdData.annotations().toString(), BccdData.images().toString());
        Dataset<Row> boxes = table.boxes();

        assertEquals(AnnotationSource.boxSchema(), boxes.schema());
        assertEquals(AnnotationSource.rejectSchema(), table.rejects().schema());
        assertEquals(4888, boxes.count());
        assertEquals(0, table.rejects().count());
        Map<String, Long> perType = new TreeMap<>();
        boxes.groupBy("cell_type").count().collectAsList()
                .forEach(r -> perType.put(r.getString(0), r.getLong(1)));
        assertEquals(Map.of("Platelets", 361L, "RBC", 4155L, "WBC", 372L), perType);
        Row stats = boxes.agg(countDistinct("image_id"), max("xmax"), countDistinct("cell_key")).first();
        assertEquals(364L, stats.getLong(0));
        assertEquals(640, stats.getInt(1));
        assertEquals(4888L, stats.getLong(2));

        CellBox first = AnnotationSource.cellBox(boxes.where(col("cell_key").equalTo("BloodImage_00000_00")).first());
        assertEquals(new CellBox("BloodImage_00000", 0, "WBC",
                BccdData.images().resolve("BloodImage_00000.jpg").toUri().toString().replace("file:///", "file:/"),
                260, 177, 491, 376), first);
        assertEquals(2, boxes.where(col("xmin").equalTo(col("xmax"))).count());
    }

    @Test
    void badFilesBecomeRejectsAndTheRestIsRead(@TempDir Path dir) throws Exception {
        Path ann = Files.createDirectories(dir.resolve("ann"));
        Path sub = Files.createDirectories(ann.resolve("more"));
        Path imgs = Files.createDirectories(dir.resolve("imgs"));
        Files.writeString(ann.resolve("good.xml"), VocParserTest.annotation("good.jpg",
                VocParserTest.object("RBC", "1", "2", "3", "4"), VocParserTest.object("WBC", "1", "x", "3", "4")));
        Files.writeString(sub.resolve("nested.XML"), VocParserTest.annotation("nested.jpg",
                VocParserTest.object("RBC", "5", "6", "7", "8")));
        Files.writeString(ann.resolve("broken.xml"), "<annotation><object>");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "MARKER-91ab");
        Files.writeString(ann.resolve("xxe.xml"), "<!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + VocParserTest.annotation("&x;.jpg", VocParserTest.object("&x;", "1", "2", "3", "4")));
        byte[] big = new byte[VocParser.MAX_BYTES + 10];
        Arrays.fill(big, (byte) ' ');
        Files.write(ann.resolve("big.xml"), big);
        Files.writeString(ann.resolve("notes.txt"), "not an annotation");
        Files.writeString(ann.resolve(".hidden.xml"), "<annotation>");

        AnnotationTable table = AnnotationSource.read(spark, ann.toString(), imgs.toString());

        assertEquals(List.of("good_00", "nested_00"),
                table.boxes().orderBy("cell_key").collectAsList().stream().map(r -> r.getString(8)).toList());
        Map<String, String> reasons = new TreeMap<>();
        for (Row r : table.rejects().collectAsList()) {
            String name = r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1);
            reasons.put(name + (r.isNullAt(2) ? "" : "#" + r.getInt(2)), r.getString(5));
            assertEquals("annotation", r.getString(4));
        }
        assertEquals(List.of("big.xml", "broken.xml", "good.xml#1", "xxe.xml"), List.copyOf(reasons.keySet()));
        assertEquals("annotation file is " + big.length + " bytes, over the limit of " + VocParser.MAX_BYTES
                + " bytes", reasons.get("big.xml"));
        assertEquals("object 1: ymin 'x' is not an integer", reasons.get("good.xml#1"));
        assertTrue(reasons.get("xxe.xml").contains("DOCTYPE"));
        AnnotationTable single = AnnotationSource.read(spark, ann.resolve("good.xml").toString(), imgs.toString());
        assertEquals(List.of(1L, 1L), List.of(single.boxes().count(), single.rejects().count()));
        for (Row r : table.rejects().union(table.boxes().selectExpr("image_path", "image_id", "cell_id", "cell_key",
                "cell_type", "cell_type")).collectAsList()) {
            assertTrue(!r.toString().contains("MARKER-91ab"), r.toString());
        }
    }

    @Test
    void readsACsvFile(@TempDir Path dir) throws Exception {
        Path imgs = Files.createDirectories(dir.resolve("imgs"));
        Files.write(imgs.resolve("12.png"), new byte[0]);
        Path csv = dir.resolve("boxes.CSV");
        Files.writeString(csv, String.join("\n",
                ",image_id,cell_type,xmin,xmax,ymin,ymax",
                "0,12,RBC,1,2,3,4",
                "1,3,,5,6,7,8",
                "2,3,WBC,5,x,7,8"), StandardCharsets.UTF_8);

        AnnotationTable table = AnnotationSource.read(spark, csv.toString(), imgs.toString());

        List<CellBox> boxes = table.boxes().orderBy("cell_key").collectAsList().stream()
                .map(AnnotationSource::cellBox).toList();
        String base = "file:" + imgs.toAbsolutePath() + "/";
        assertEquals(List.of(new CellBox("12", 0, "RBC", base + "12.png", 1, 3, 2, 4),
                new CellBox("BloodImage_00003", 0, null, base + "BloodImage_00003.jpg", 5, 7, 6, 8)), boxes);
        Row reject = table.rejects().first();
        assertEquals(List.of("file:" + csv.toAbsolutePath(), "BloodImage_00003", 1, "BloodImage_00003_01",
                "annotation", "line 4: xmax 'x' is not an integer"),
                List.of(reject.get(0), reject.get(1), reject.get(2), reject.get(3), reject.get(4), reject.get(5)));
    }

    @Test
    void unusableInputsFailWithTheirPath(@TempDir Path dir) throws Exception {
        Path imgs = Files.createDirectories(dir.resolve("imgs"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no xml here");
        Files.writeString(Files.createDirectories(empty.resolve("_tmp")).resolve("a.xml"), "<annotation/>");
        Path missing = dir.resolve("nope");
        Path odd = Files.writeString(dir.resolve("boxes.json"), "{}");

        assertEquals("annotations path does not exist: " + missing,
                assertThrows(AnnotationsException.class,
                        () -> AnnotationSource.read(spark, missing.toString(), imgs.toString())).getMessage());
        assertEquals("annotations folder file:" + empty.toAbsolutePath() + " holds no .xml file",
                assertThrows(AnnotationsException.class,
                        () -> AnnotationSource.read(spark, empty.toString(), imgs.toString())).getMessage());
        assertEquals("images folder does not exist: " + missing,
                assertThrows(AnnotationsException.class,
                        () -> AnnotationSource.read(spark, BccdData.annotations().toString(), missing.toString()))
                        .getMessage());
        assertTrue(assertThrows(AnnotationsException.class,
                () -> AnnotationSource.read(spark, odd.toString(), imgs.toString())).getMessage()
                .contains("is neither a folder of VOC .xml files nor a .csv file"));
    }
}
