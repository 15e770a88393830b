package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The line docs/benchmarks.md quotes is the command's last, in its documented shape. */
class BenchmarkScanCommandTest {

    /** The command leaves its session to the JVM's end, as every command does; later test classes want their own. */
    @AfterAll
    static void stopTheCommandsSession() {
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    private static List<String> run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return List.of(String.valueOf(code), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void lastLineCarriesTheMeasuredFigures() {
        List<String> r = run("benchmark-scan", "--pool", "3000", "--features", "5", "--classes", "3",
                "--runs", "2", "--warmup", "0", "--top", "10", "--master", "local[1]");
        assertEquals("0", r.get(0), r.get(1));
        String[] lines = r.get(1).strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("benchmark-scan: pool=3000 features=5 classes=3 median_ms=[0-9.]+ per_cell_ns=[0-9.]+"
                + " cached_mib=[0-9.]+"), last);
        assertTrue(r.get(1).contains("1 of 1 partitions in memory"), r.get(1));
    }

    @Test
    void aPoolOfNoCellsIsAUsageError() {
        assertEquals("64", run("benchmark-scan", "--pool", "0").get(0));
    }
}
