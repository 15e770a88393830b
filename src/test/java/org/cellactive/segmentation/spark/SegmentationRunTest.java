package org.cellactive.segmentation.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.segmentation.SegmentationSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One segment run on a small folder: objects found, a file that is no image rejected by name, overlays written. */
class SegmentationRunTest {
    /** Otsu splits a two-level picture's smoothed edge at its middle, so the area is the disc's. */
    static final SegmentationSettings OTSU_SETTINGS = new SegmentationSettings(25, 300,
            org.cellactive.imaging.ThresholdMethod.OTSU, org.cellactive.segmentation.Declump.SHAPE, 32, false);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("SegmentationRunTest")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void findsTheCellsAndRejectsWhatIsNoImage(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        BufferedImage png = new BufferedImage(200, 160, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 200; x++) {
                boolean cell = (x - 100) * (x - 100) + (y - 80) * (y - 80) <= 40 * 40;
                png.setRGB(x, y, cell ? 0xc8948c : 0xdcd8d4);
            }
        }
        ImageIO.write(png, "png", images.resolve("one-cell.png").toFile());
        Files.writeString(images.resolve("notes.jpg"), "not an image");
        Path out = dir.resolve("run");
        Path overlays = dir.resolve("overlays");

        Segmentation.Result r = new Segmentation(spark).run(new Segmentation.Settings(images.toString(), out.toString(),
                OTSU_SETTINGS, 100_000_000L, overlays.toString(), 2), (total, done) -> () -> { });

        assertEquals(2, r.images());
        List<Row> boxes = spark.read().parquet(r.boxesPath()).collectAsList();
        assertEquals(1, boxes.size());
        Row b = boxes.get(0);
        assertEquals("one-cell", b.getAs("image_id"));
        assertEquals("one-cell_00", b.getAs("cell_key"));
        assertTrue(b.isNullAt(b.fieldIndex("cell_type")), "cell_type stays empty");
        // The disc's box (61..140) widened by ImageSegmenter's box pad for red objects, 6 px.
        assertEquals(61 - 6, (int) b.getAs("xmin"), 2);
        assertEquals(140 + 6, (int) b.getAs("xmax"), 2);
        assertEquals(Math.PI * 1600, (int) b.getAs("area"), 0.06 * Math.PI * 1600);
        assertEquals(Boolean.FALSE, b.<Boolean>getAs("touches_border"));
        List<Row> rejects = spark.read().parquet(r.rejectsPath()).collectAsList();
        assertEquals(1, rejects.size());
        assertTrue(rejects.get(0).getString(0).endsWith("/notes.jpg"), rejects.get(0).toString());
        assertEquals("decode", rejects.get(0).getString(4));
        assertTrue(rejects.get(0).getString(5).startsWith("unknown image format"), rejects.get(0).getString(5));
        assertTrue(Files.size(overlays.resolve("one-cell.png")) > 0);
    }

    @Test
    void aMissingFolderIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        Path out = dir.resolve("run");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Segmentation(spark).run(
                new Segmentation.Settings(dir.resolve("nowhere").toString(), out.toString(),
                        SegmentationSettings.defaults(), 100_000_000L, null, null), (total, done) -> () -> { }));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(Files.notExists(out));
    }
}
