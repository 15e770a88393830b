package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.testing.Bccd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken inputs: good cells are still measured, bad ones are listed with a reason. */
class ExtractBadInputIT {
    @TempDir
    Path tmp;

    @AfterAll
    static void stop() {
        CliRun.stopSpark();
    }

    @Test
    void badFilesAndBoxesGoToRejectsAndGoodCellsAreMeasured() throws IOException {
        Path ann = Files.createDirectories(tmp.resolve("ann"));
        Path img = Files.createDirectories(tmp.resolve("img"));
        for (String id : List.of("BloodImage_00000", "BloodImage_00001")) {
            Files.copy(Bccd.annotations().resolve(id + ".xml"), ann.resolve(id + ".xml"));
            Files.copy(Bccd.images().resolve(id + ".jpg"), img.resolve(id + ".jpg"));
        }
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-MARKER");
        Files.writeString(ann.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<annotation><filename>&x;</filename></annotation>");
        Files.writeString(ann.resolve("broken.xml"), "<annotation><filename>BloodImage_00000.jpg</filename><obj");
        Files.writeString(ann.resolve("garbage.xml"), voc("garbage.jpg", "RBC", 10, 10, 50, 50));
        Files.write(img.resolve("garbage.jpg"), "this is not a JPEG".getBytes(StandardCharsets.UTF_8));
        Files.writeString(ann.resolve("missing.xml"), voc("nowhere.jpg", "WBC", 10, 10, 50, 50));
        Files.writeString(ann.resolve("escape.xml"), voc("../secret.txt", "WBC", 10, 10, 50, 50));
        Files.writeString(ann.resolve("badbox.xml"), voc("BloodImage_00001.jpg", "RBC", 50, 50, 10, 10));

        Path out = tmp.resolve("run");
        int code = Main.run("extract", "--annotations", ann.toString(), "--images", img.toString(),
                "--out", out.toString(), "--csv", "--master", "local[2]");
        assertEquals(0, code);

        SparkSession spark = SparkSession.builder().getOrCreate();
        long good = spark.read().parquet(out.resolve("cells.parquet").toString()).count();
        assertEquals(boxesIn("BloodImage_00000") + boxesIn("BloodImage_00001"), good);

        Map<String, Row> byFile = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("rejects.parquet").toString()).collectAsList()) {
            byFile.put(r.getString(0), r);
        }
        assertEquals(6, byFile.size(), byFile.toString());
        assertStage(byFile, "xxe.xml", "annotation");
        assertStage(byFile, "broken.xml", "annotation");
        assertStage(byFile, "escape.xml", "annotation");
        assertStage(byFile, "badbox.xml", "annotation");
        assertStage(byFile, "garbage.jpg", "decode");
        assertStage(byFile, "nowhere.jpg", "decode");
        String all = Files.readString(out.resolve("rejects.csv"));
        assertFalse(all.contains("TOP-SECRET-MARKER"), "the external entity was resolved");
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }

    @Test
    void missingInputIsOneClearLineAndNonZeroExit() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("extract", "--annotations", tmp.resolve("nope").toString(),
                    "--images", tmp.toString(), "--out", tmp.resolve("run").toString(), "--master", "local[1]");
        } finally {
            System.setErr(old);
        }
        assertNotEquals(0, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("extract: error: ") && message.contains(tmp.resolve("nope").toString()), message);
    }

    private static void assertStage(Map<String, Row> byFile, String fileSuffix, String stage) {
        Row match = byFile.entrySet().stream().filter(e -> e.getKey().endsWith(fileSuffix))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        assertTrue(match != null, "no reject for " + fileSuffix + " in " + byFile.keySet());
        assertEquals(stage, match.getAs("stage"), match.toString());
        assertFalse(((String) match.getAs("reason")).isBlank());
    }

    private static long boxesIn(String id) throws IOException {
        String xml = Files.readString(Bccd.annotations().resolve(id + ".xml"));
        return xml.split("<object>", -1).length - 1;
    }

    private static String voc(String file, String name, int xmin, int ymin, int xmax, int ymax) {
        return "<annotation><filename>" + file + "</filename><object><name>" + name + "</name><bndbox><xmin>" + xmin
                + "</xmin><ymin>" + ymin + "</ymin><xmax>" + xmax + "</xmax><ymax>" + ymax
                + "</ymax></bndbox></object></annotation>";
    }
}
