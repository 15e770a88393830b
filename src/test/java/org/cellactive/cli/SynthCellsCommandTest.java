package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth-cells} through the CLI: the table, its manifest, and the run-folder rules. */
class SynthCellsCommandTest {
    @TempDir
    static Path tmp;

    @AfterAll
    static void stop() {
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
        SparkSession.clearDefaultSession();
        SparkSession.clearActiveSession();
    }

    @Test
    void writesTheTableAndRefusesToWriteOverIt() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        Files.write(images.resolve("BloodImage_00001.jpg"), new byte[0]);
        Files.write(images.resolve("notes.txt"), new byte[0]);
        Path out = tmp.resolve("synth");
        String[] args = {"synth-cells", "--cells", "250", "--features", "4", "--images", images.toString(),
            "--out", out.toString(), "--partitions", "3", "--master", "local[2]"};
        assertEquals(0, Main.run(args));

        SparkSession spark = Spark.session("SynthCellsCommandTest", "local[2]");
        List<Row> rows = spark.read().parquet(out.resolve("cells.parquet").toString()).orderBy("cell_key").collectAsList();
        assertEquals(250, rows.size());
        assertEquals("Synthetic_0000000_00", rows.get(0).getAs("cell_key"));
        assertTrue(rows.stream().allMatch(r -> r.<String>getAs("image_path").endsWith("/BloodImage_00001.jpg")),
                "every box is on the one .jpg of --images");
        assertEquals(13, rows.get(0).size(), "9 cells-table columns + 4 features");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(250, manifest.get("counts").get("cells").asLong());
        assertEquals(3, manifest.get("options").get("partitions").asInt());

        assertEquals(ExitCodes.USAGE, Main.run(args), "an existing run folder without --overwrite");
        assertEquals(ExitCodes.USAGE, Main.run("synth-cells", "--cells", "0", "--images", images.toString(),
                "--out", tmp.resolve("zero").toString()));
        assertEquals(ExitCodes.INPUT, Main.run("synth-cells", "--cells", "5", "--images", tmp.resolve("none").toString(),
                "--out", tmp.resolve("none-out").toString()));
    }
}
