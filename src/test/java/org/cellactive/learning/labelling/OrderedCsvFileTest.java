package org.cellactive.learning.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderedCsvFileTest {
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("OrderedCsvFileTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "5").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aSortedTableOfManyPartitionsBecomesOneFileInItsOrder() throws IOException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            keys.add(String.format(Locale.ROOT, "k%05d", i));
        }
        keys.add("k00007,with \"comma\" and quote");
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(3));
        MapFunction<String, String> line = k -> OrderedCsvFile.record(k, k.length());
        Dataset<String> lines = spark.createDataset(shuffled, Encoders.STRING()).repartition(7)
                .orderBy("value").map(line, Encoders.STRING());
        Path file = tmp.resolve("out.csv");
        OrderedCsvFile.write(lines, List.of("key", "length"), file);

        Collections.sort(keys);
        StringBuilder expected = new StringBuilder("key,length\r\n");
        for (String k : keys) {
            String quoted = k.contains(",") ? "\"" + k.replace("\"", "\"\"") + "\"" : k;
            expected.append(quoted).append(',').append(k.length()).append("\r\n");
        }
        assertEquals(expected.toString(), Files.readString(file, StandardCharsets.UTF_8));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(file), left.toList(), "no parts or temporary file left behind");
        }
    }

    @Test
    void anEmptyTableGivesTheHeaderAlone() throws IOException {
        Path file = tmp.resolve("empty.csv");
        OrderedCsvFile.write(spark.createDataset(List.<String>of(), Encoders.STRING()), List.of("a", "b"), file);
        assertEquals("a,b\r\n", Files.readString(file));
        assertFalse(Files.exists(tmp.resolve("empty.csv.parts")));
    }
}
