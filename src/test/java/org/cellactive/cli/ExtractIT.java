package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.annotations.NearDuplicates;
import org.cellactive.testing.BccdRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code extract} through the real CLI on all of BCCD (run once, by {@link BccdRun}). */
class ExtractIT {
    private static Path run;
    private static SparkSession spark;
    private static Dataset<Row> cells;

    @BeforeAll
    static void extractBccd() throws IOException {
        run = BccdRun.extracted();
        // BccdRun's extract may have run in an earlier test class, whose session is stopped by now.
        spark = SparkSession.builder().master("local[2]").getOrCreate();
        cells = spark.read().parquet(run.resolve("cells.parquet").toString());
    }

    @Test
    void everyBoxIsAccountedFor() throws IOException {
        assertEquals(4886, cells.count());
        List<Row> rejects = spark.read().parquet(run.resolve("rejects.parquet").toString())
                .orderBy("image_id").collectAsList();
        assertEquals(2, rejects.size());
        assertEquals("BloodImage_00338", rejects.get(0).getAs("image_id"));
        assertEquals("BloodImage_00343", rejects.get(1).getAs("image_id"));
        for (Row r : rejects) {
            assertEquals("crop", r.getAs("stage"));
            assertTrue(((String) r.getAs("reason")).contains("zero-area"), r.toString());
        }
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals(4888, manifest.at("/counts/boxes").asLong());
        assertEquals(4886, manifest.at("/counts/cells_measured").asLong());
        assertEquals(2, manifest.at("/counts/rejected").asLong());
        assertTrue(manifest.at("/warnings").isObject() && manifest.at("/warnings").isEmpty(),
                "BCCD's JPEGs decode without reader warnings: " + manifest.at("/warnings"));
    }

    @Test
    void csvAndCropsAreWritten() throws IOException {
        try (Stream<String> lines = Files.lines(run.resolve("cells.csv"))) {
            assertEquals(4887, lines.count(), "header + one line per cell");
        }
        try (Stream<String> lines = Files.lines(run.resolve("rejects.csv"))) {
            assertEquals(3, lines.count());
        }
        try (Stream<Path> pngs = Files.list(BccdRun.crops())) {
            assertEquals(4886, pngs.filter(p -> p.toString().endsWith(".png")).count());
        }
        assertTrue(Files.exists(BccdRun.crops().resolve("BloodImage_00000_00.png")));
        try (Stream<Path> hidden = Stream.concat(Files.list(BccdRun.crops()), Files.list(run))) {
            assertEquals(List.of(), hidden.filter(p -> p.getFileName().toString().endsWith(".crc")).toList(),
                    "no checksum files beside the crops and tables a person opens");
        }
    }

    @Test
    void schemaHoldsKeysThenFiniteFeatures() {
        List<String> names = Arrays.asList(cells.columns());
        List<String> keys = List.of(AnnotationColumns.IMAGE_ID, AnnotationColumns.CELL_ID, AnnotationColumns.CELL_TYPE,
                AnnotationColumns.IMAGE_PATH, AnnotationColumns.XMIN, AnnotationColumns.YMIN, AnnotationColumns.XMAX,
                AnnotationColumns.YMAX, AnnotationColumns.CELL_KEY, NearDuplicates.COLUMN);
        assertEquals(keys, names.subList(0, keys.size()));
        for (String required : List.of("AreaShape_Area", "AreaShape_Perimeter", "AreaShape_FormFactor",
                "AreaShape_Eccentricity", "AreaShape_Solidity", "AreaShape_Extent", "AreaShape_MajorAxisLength",
                "AreaShape_MinorAxisLength", "AreaShape_Orientation", "AreaShape_EulerNumber",
                "AreaShape_EquivalentDiameter", "Intensity_IntegratedIntensity_Gray", "Intensity_MeanIntensity_Blue",
                "Intensity_MADIntensity_Red", "Intensity_UpperQuartileIntensity_Green",
                "Texture_Contrast_Gray_3_00_256", "Texture_InfoMeas2_Gray_3_03_256")) {
            assertTrue(names.contains(required), "missing column " + required);
        }
        List<String> features = new ArrayList<>();
        for (StructField f : cells.schema().fields()) {
            if (!keys.contains(f.name())) {
                assertEquals(DataTypes.DoubleType, f.dataType(), f.name());
                features.add(f.name());
            }
        }
        for (Row row : cells.selectExpr(features.stream().map(c -> "`" + c + "`").toArray(String[]::new))
                .collectAsList()) {
            for (int i = 0; i < row.size(); i++) {
                double v = row.getDouble(i);
                assertTrue(Double.isFinite(v), features.get(i) + " = " + v + " in " + row);
            }
        }
    }

    @Test
    void theSevenRbcPairsAreFlaggedAsNearDuplicates() throws IOException {
        List<Row> dups = cells.filter(cells.col(NearDuplicates.COLUMN).isNotNull())
                .select("image_id", "cell_id", "cell_type", NearDuplicates.COLUMN).orderBy("image_id").collectAsList();
        assertEquals(7, dups.size(), dups.toString());
        for (Row r : dups) {
            assertEquals("RBC", r.getString(2));
            // The earlier box of the pair, in the same image: BCCD's pairs are adjacent objects.
            assertEquals(r.getString(0) + "_" + String.format("%02d", r.getInt(1) - 1), r.getString(3), r.toString());
        }
        assertEquals("BloodImage_00020", dups.get(0).getString(0));
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals(7, manifest.at("/counts/near_duplicates").asLong());
    }

    @Test
    void classesDifferAsBiologyExpects() {
        Map<String, Double> area = medianByType("AreaShape_Area");
        assertTrue(area.get("WBC") > area.get("RBC"), area.toString());
        assertTrue(area.get("RBC") > area.get("Platelets"), area.toString());
        Map<String, Double> blueness = medianByType("Intensity_MeanIntensity_Blue - Intensity_MeanIntensity_Red");
        assertTrue(blueness.get("WBC") > blueness.get("RBC"), blueness.toString());
    }

    private static Map<String, Double> medianByType(String expression) {
        Map<String, Double> medians = new HashMap<>();
        for (Row r : cells.selectExpr("cell_type", expression + " AS v").groupBy("cell_type")
                .agg(org.apache.spark.sql.functions.expr("percentile(v, 0.5)")).collectAsList()) {
            medians.put(r.getString(0), r.getDouble(1));
        }
        return medians;
    }
}
