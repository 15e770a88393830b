package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.ledger.SpreadsheetText;
import org.cellactive.testing.Bccd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole workflow on a real HDFS: Hadoop's MiniDFSCluster (a NameNode and a DataNode in this
 * JVM). {@code extract} reads annotations and images from hdfs:// and writes its run folder
 * there; {@code simulate}, {@code query} and {@code score} read that cells table. Every result
 * equals the same commands' on local copies of the files.
 */
class HdfsIT {
    private static final int IMAGES = 12;
    private static final String CLASSES = "RBC,WBC,Platelets";

    @TempDir
    static Path tmp;
    private static MiniDFSCluster hdfs;
    private static String root;
    private static Path localAnn;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        root = hdfs.getURI().toString();
        FileSystem fs = hdfs.getFileSystem();
        localAnn = Files.createDirectories(tmp.resolve("ann"));
        try (Stream<Path> files = Files.list(Bccd.annotations())) {
            for (Path xml : files.sorted().limit(IMAGES).toList()) {
                String id = xml.getFileName().toString().replace(".xml", "");
                Files.copy(xml, localAnn.resolve(xml.getFileName()));
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(xml.toString()),
                        new org.apache.hadoop.fs.Path("/bccd/Annotations/" + id + ".xml"));
                fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Bccd.images().resolve(id + ".jpg").toString()),
                        new org.apache.hadoop.fs.Path("/bccd/JPEGImages/" + id + ".jpg"));
            }
        }
    }

    @AfterAll
    static void stop() {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void extractSimulateQueryAndScoreOnHdfsEqualLocal() throws IOException {
        String hdfsRun = root + "/runs/extract";
        Path localRun = tmp.resolve("local-run");
        assertEquals(0, Main.run("extract", "--annotations", root + "/bccd/Annotations",
                "--images", root + "/bccd/JPEGImages", "--out", hdfsRun, "--master", "local[2]"));
        assertEquals(0, Main.run("extract", "--annotations", localAnn.toString(), "--images", Bccd.images().toString(),
                "--out", localRun.toString(), "--master", "local[2]"));
        FileSystem fs = hdfs.getFileSystem();
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/runs/extract/manifest.json")));

        SparkSession spark = SparkSession.builder().getOrCreate();
        String hdfsCells = hdfsRun + "/cells.parquet";
        String localCells = localRun.resolve("cells.parquet").toString();
        List<Row> fromHdfs = withoutImagePath(spark.read().parquet(hdfsCells));
        List<Row> fromLocal = withoutImagePath(spark.read().parquet(localCells));
        assertTrue(fromLocal.size() > 100, "a real sample: " + fromLocal.size());
        assertEquals(fromLocal, fromHdfs);
        assertTrue(spark.read().parquet(hdfsCells).first().<String>getAs(AnnotationColumns.IMAGE_PATH)
                .startsWith("hdfs://"), "images were read from HDFS");

        // simulate: the same curves (timings aside).
        for (String[] run : List.of(new String[] {hdfsCells, "sim-hdfs"}, new String[] {localCells, "sim-local"})) {
            assertEquals(0, Main.run("simulate", "--cells", run[0], "--out", tmp.resolve(run[1]).toString(),
                    "--features", "all", "--repeats", "1", "--rounds", "4", "--pool", "40", "--test", "20",
                    "--threads", "1", "--seed", "3", "--master", "local[2]"));
        }
        assertEquals(curvesWithoutTimings(tmp.resolve("sim-local/curves.csv")),
                curvesWithoutTimings(tmp.resolve("sim-hdfs/curves.csv")));

        // query, label (answers from the ground truth), query again, then score: the same batches and scores.
        Map<String, String> truth = new HashMap<>();
        for (Row r : spark.read().parquet(localCells).select("cell_key", "cell_type").collectAsList()) {
            truth.put(r.getString(0), r.getString(1));
        }
        for (String[] side : List.of(new String[] {hdfsCells, "hdfs"}, new String[] {localCells, "local"})) {
            Path ledger = tmp.resolve("ledger-" + side[1]);
            for (int round = 1; round <= 3; round++) {
                Path batch = tmp.resolve("batch-" + side[1] + "-" + round);
                assertEquals(0, Main.run("query", "--cells", side[0], "--ledger", ledger.toString(), "--batch-size",
                        "10", "--classes", CLASSES, "--seed", "7", "--out", batch.toString(), "--master", "local[2]"));
                assertEquals(0, Main.run("label", "--ledger", ledger.toString(), "--answers",
                        answer(batch, truth).toString(), "--annotator", "script"));
            }
            assertEquals(0, Main.run("score", "--cells", side[0], "--ledger", ledger.toString(), "--out",
                    tmp.resolve("score-" + side[1]).toString(), "--master", "local[2]"));
        }
        for (int round = 1; round <= 3; round++) {
            assertEquals(keys(tmp.resolve("batch-local-" + round + "/queries.csv")),
                    keys(tmp.resolve("batch-hdfs-" + round + "/queries.csv")), "round " + round);
        }
        assertEquals(Files.readString(tmp.resolve("score-local/per_image.csv")),
                Files.readString(tmp.resolve("score-hdfs/per_image.csv")));
        assertEquals(Files.readString(tmp.resolve("score-local/predictions.csv")),
                Files.readString(tmp.resolve("score-hdfs/predictions.csv")));
    }

    private static List<Row> withoutImagePath(Dataset<Row> cells) {
        return cells.drop(AnnotationColumns.IMAGE_PATH).orderBy(AnnotationColumns.CELL_KEY).collectAsList();
    }

    /** curves.csv without fit_ms and query_ms, the two timing columns. */
    private static List<String> curvesWithoutTimings(Path curves) throws IOException {
        return Files.readAllLines(curves).stream()
                .map(line -> String.join(",", Arrays.copyOf(line.split(","), 7))).toList();
    }

    private static Path answer(Path batch, Map<String, String> truth) throws IOException {
        StringBuilder csv = new StringBuilder("cell_key,label\n");
        for (String key : keys(batch.resolve("queries.csv"))) {
            csv.append(key).append(',').append(truth.get(key)).append('\n');
        }
        return Files.writeString(batch.resolve("answers.csv"), csv);
    }

    private static List<String> keys(Path queriesCsv) throws IOException {
        try (Reader r = Files.newBufferedReader(queriesCsv);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.stream().map(rec -> SpreadsheetText.unguard(rec.get("cell_key"))).toList();
        }
    }
}
