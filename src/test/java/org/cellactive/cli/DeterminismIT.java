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
 * two, rows measured where the VOC files were read, or moved by image to 1, 3 or 12 tasks; and
 * the same curves.csv from simulate on one core or two, over a cells table of one file or twelve.
 * A value that depended on partitioning or thread scheduling (a shared scratch array, a sum in
 * arrival order) would show here. The standalone cluster's runs are compared in {@link ClusterIT}.
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
        List<String> reference = SortedCsv.lines(extracted().resolveSibling("cells.csv"));
        assertTrue(reference.size() > 100, "a real sample: " + reference.size());
        for (String[] variant : List.of(new String[] {"local[2]", "l2"}, new String[] {"local[2]", "p1", "1"},
                new String[] {"local[2]", "p3", "3"}, new String[] {"local[2]", "p12", "12"})) {
            assertEquals(reference, run(variant), String.join(" ", variant));
        }
    }

    /**
     * simulate's curves (every column but the wall times fit_ms and query_ms, see
     * {@link CurvesWithoutTimes}) are the same text on one core or two, and whether the cells
     * table is one Parquet file or twelve (rows in another order). The standalone cluster's
     * curves are compared with local[2]'s in {@link ClusterIT}, with the same arguments.
     */
    @Test
    void curvesAreTheSameOnOneOrTwoCoresAndAnyTablePartitioning() throws IOException {
        Path table = extracted();
        Path oneFile = tmp.resolve("cells-1-file.parquet");
        Path twelveFiles = tmp.resolve("cells-12-files.parquet");
        useMaster("local[2]");
        SparkSession spark = Spark.session("DeterminismIT", "local[2]");
        spark.read().parquet(table.toString()).coalesce(1).write().parquet(oneFile.toString());
        spark.read().parquet(table.toString()).repartition(12).write().parquet(twelveFiles.toString());
        assertEquals(12, parts(twelveFiles));
        assertEquals(1, parts(oneFile));

        List<String> reference = simulate("local[1]", table, "sim-l1");
        assertEquals(1 + 2 * 3 * 15, reference.size(), "2 repeats x 3 strategies x 15 rounds");
        assertEquals(reference, simulate("local[2]", table, "sim-l2"), "local[2]");
        assertEquals(reference, simulate("local[2]", oneFile, "sim-1-file"), "the table as one file");
        assertEquals(reference, simulate("local[2]", twelveFiles, "sim-12-files"), "the table as 12 files");
    }

    /**
     * The arguments ClusterIT runs on the cluster too: small; random, an uncertainty strategy, and
     * diverse, whose distances use the pool's feature scale (exact sums since the scale's bits
     * depended on the partitioning, see {@code PoolTest}).
     */
    static List<String> simulateArgs(Path cells, Path out, String master) {
        return List.of("simulate", "--cells", cells.toString(), "--out", out.toString(), "--protocol", "binary",
                "--features", "gray-intensity", "--strategies", "random,least-confident,diverse", "--repeats", "2",
                "--rounds", "15", "--test", "40", "--pool", "80", "--seed", "11", "--master", master);
    }

    private static List<String> simulate(String master, Path cells, String name) throws IOException {
        useMaster(master);
        Path out = tmp.resolve(name);
        assertEquals(0, Main.run(simulateArgs(cells, out, master).toArray(String[]::new)), name);
        return CurvesWithoutTimes.lines(out.resolve("curves.csv"));
    }

    /** The sample's cells table from a local[1] extract (the reference run of the cells test). */
    private static synchronized Path extracted() throws IOException {
        Path cells = tmp.resolve("l1").resolve("cells.parquet");
        if (!Files.exists(cells.resolveSibling("manifest.json"))) {
            run("local[1]", "l1");
        }
        return cells;
    }

    private static long parts(Path parquet) throws IOException {
        try (Stream<Path> files = Files.list(parquet)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    /** cells.csv of one extract, header first, then the rows sorted. */
    private static List<String> run(String... variant) throws IOException {
        String master = variant[0];
        useMaster(master);
        Path out = tmp.resolve(variant[1]);
        List<String> args = new ArrayList<>(List.of("extract", "--annotations", ann.toString(), "--images",
                Bccd.images().toString(), "--out", out.toString(), "--csv", "--master", master));
        if (variant.length > 2) {
            args.addAll(List.of("--partitions", variant[2]));
        }
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        return SortedCsv.lines(out.resolve("cells.csv"));
    }

    private static void useMaster(String master) {
        if (!SparkSession.getDefaultSession().map(s -> s.sparkContext().master()).getOrElse(() -> "")
                .equals(master)) {
            stopSession(); // a session keeps its master: one core or two needs a new one
        }
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
