package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.cellactive.testing.Bccd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give the same cells.csv (rows sorted) however the work is spread: one core or
 * two, rows measured where the VOC files were read, or moved by image to 1, 3 or 12 tasks. A
 * value that depended on partitioning or thread scheduling (a shared scratch array, a sum in
 * arrival order) would show here. The standalone cluster's run is compared in {@link ClusterIT}.
 */
class DeterminismIT {
    @TempDir
    static Path tmp;
    private static Path ann;

    @BeforeAll
    static void sample() throws IOException {
        ann = Files.createDirectories(tmp.resolve("ann"));
        try (Stream<Path> files = Files.list(Bccd.annotations())) {
            // Every 40th file: images from all over the set.
            List<Path> all = files.sorted().toList();
            for (int i = 0; i < all.size(); i += 40) {
                Files.copy(all.get(i), ann.resolve(all.get(i).getFileName()));
            }
        }
    }

    @AfterAll
    static void stop() {
        stopSession();
    }

    @Test
    void cellsAreTheSameOnOneOrTwoCoresAndAnyPartitioning() throws IOException {
        List<String> reference = run("local[1]", "l1");
        assertTrue(reference.size() > 100, "a real sample: " + reference.size());
        for (String[] variant : List.of(new String[] {"local[2]", "l2"}, new String[] {"local[2]", "p1", "1"},
                new String[] {"local[2]", "p3", "3"}, new String[] {"local[2]", "p12", "12"})) {
            assertEquals(reference, run(variant), String.join(" ", variant));
        }
    }

    /** cells.csv of one extract, header first, then the rows sorted. */
    private static List<String> run(String... variant) throws IOException {
        String master = variant[0];
        if (!SparkSession.getDefaultSession().map(s -> s.sparkContext().master()).getOrElse(() -> "")
                .equals(master)) {
            stopSession(); // a session keeps its master: one core or two needs a new one
        }
        Path out = tmp.resolve(variant[1]);
        List<String> args = new ArrayList<>(List.of("extract", "--annotations", ann.toString(), "--images",
                Bccd.images().toString(), "--out", out.toString(), "--csv", "--master", master));
        if (variant.length > 2) {
            args.addAll(List.of("--partitions", variant[2]));
        }
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        return SortedCsv.lines(out.resolve("cells.csv"));
    }

    private static void stopSession() {
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
        SparkSession.clearDefaultSession();
        SparkSession.clearActiveSession();
    }
}
