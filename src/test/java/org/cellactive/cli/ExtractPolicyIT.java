package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.imaging.CmykJpegs;
import org.cellactive.testing.Bccd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input policy and the run-folder rules of {@code extract}, on two real BCCD images,
 * one of them re-encoded as a CMYK JPEG without an ICC profile, and one unreadable image.
 */
class ExtractPolicyIT {
    @TempDir
    static Path tmp;
    private static Path ann;
    private static Path img;

    @BeforeAll
    static void inputs() throws IOException {
        ann = Files.createDirectories(tmp.resolve("ann"));
        img = Files.createDirectories(tmp.resolve("img"));
        Files.copy(Bccd.annotations().resolve("BloodImage_00000.xml"), ann.resolve("BloodImage_00000.xml"));
        Files.copy(Bccd.images().resolve("BloodImage_00000.jpg"), img.resolve("BloodImage_00000.jpg"));
        // Image 00001's boxes, on a CMYK version of its pixels.
        Files.writeString(ann.resolve("cmyk.xml"), Files.readString(Bccd.annotations().resolve("BloodImage_00001.xml"))
                .replace("BloodImage_00001.jpg", "cmyk.jpg"));
        Files.write(img.resolve("cmyk.jpg"),
                CmykJpegs.fromRgb(ImageIO.read(Bccd.images().resolve("BloodImage_00001.jpg").toFile())));
        Files.writeString(ann.resolve("garbage.xml"), "<annotation><filename>garbage.jpg</filename><object><name>RBC"
                + "</name><bndbox><xmin>10</xmin><ymin>10</ymin><xmax>50</xmax><ymax>50</ymax></bndbox></object>"
                + "</annotation>");
        Files.write(img.resolve("garbage.jpg"), "not a JPEG".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterAll
    static void stop() {
        CliRun.stopSpark();
    }

    @Test
    void cmykIsMeasuredRerunsRefuseAndOverwriteReplacesWhole() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(ExitCodes.OK, extract(run).code());

        SparkSession spark = SparkSession.builder().getOrCreate();
        List<Row> rejects = spark.read().parquet(run.resolve("rejects.parquet").toString()).collectAsList();
        assertEquals(1, rejects.size(), rejects.toString());
        assertTrue(rejects.get(0).<String>getAs("file").endsWith("garbage.jpg"), rejects.toString());
        long cmykBoxes = Files.readString(ann.resolve("cmyk.xml")).split("<object>", -1).length - 1;
        assertEquals(cmykBoxes, spark.read().parquet(run.resolve("cells.parquet").toString())
                .filter("image_id = 'cmyk'").count());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals(1, manifest.at("/warnings").size(), manifest.toString());
        assertEquals(1, manifest.at("/warnings").elements().next().asLong());
        assertTrue(manifest.at("/warnings").fieldNames().next().contains("No embedded ICC color profile"));
        assertNoSideFiles(run);

        Files.writeString(run.resolve("from-the-old-run.txt"), "old");
        CliRun again = extract(run);
        assertEquals(ExitCodes.USAGE, again.code());
        assertTrue(again.err().contains("already exists") && again.err().contains("--overwrite"), again.err());
        assertTrue(Files.exists(run.resolve("from-the-old-run.txt")), "a refused rerun touches nothing");

        // Replaced whole; one reject of some 30 items is over 1%: exit 3, yet everything written.
        CliRun replaced = extract(run, "--overwrite", "--max-reject-fraction", "0.01", "--csv");
        assertEquals(ExitCodes.REJECTS_EXCEEDED, replaced.code(), replaced.err());
        assertTrue(replaced.err().contains("over --max-reject-fraction 0.01"), replaced.err());
        assertFalse(Files.exists(run.resolve("from-the-old-run.txt")), "old and new files mixed");
        for (String f : List.of("cells.parquet", "rejects.parquet", "cells.csv", "rejects.csv", "manifest.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertNoSideFiles(run);
    }

    @Test
    void failFastStopsAtTheFirstRejectAndWritesNothing() throws IOException {
        Path run = tmp.resolve("fail-fast");
        CliRun r = extract(run, "--fail-fast");
        assertEquals(ExitCodes.REJECTS_EXCEEDED, r.code(), r.err());
        assertTrue(r.err().contains("--fail-fast: rejected ") && r.err().contains("garbage"), r.err());
        assertFalse(Files.exists(run), "nothing is written");
        assertNoSideFiles(tmp);

        // A file rejected while parsing stops the run before any image is read.
        Path brokenAnn = Files.createDirectories(tmp.resolve("ann-broken"));
        Files.copy(ann.resolve("BloodImage_00000.xml"), brokenAnn.resolve("BloodImage_00000.xml"));
        Files.writeString(brokenAnn.resolve("broken.xml"), "<annotation><filename>x.jpg</filename><obj");
        CliRun parse = CliRun.of("extract", "--annotations", brokenAnn.toString(), "--images", img.toString(),
                "--out", run.toString(), "--master", "local[2]", "--fail-fast");
        assertEquals(ExitCodes.REJECTS_EXCEEDED, parse.code(), parse.err());
        assertTrue(parse.err().contains("broken.xml") && parse.err().contains("stage annotation"), parse.err());
        assertFalse(Files.exists(run), "nothing is written");
    }

    /** No staging or replaced folders beside a run, no Hadoop checksum files in it. */
    private static void assertNoSideFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<String> side = all.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".crc") || n.contains(".staging-") || n.contains(".replaced-")).toList();
            assertEquals(List.of(), side);
        }
    }

    private static CliRun extract(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("extract", "--annotations", ann.toString(),
                "--images", img.toString(), "--out", out.toString(), "--master", "local[2]"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

}
