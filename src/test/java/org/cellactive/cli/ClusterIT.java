package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.cellactive.testing.Bccd;
import org.cellactive.testing.BccdRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature stage on a real standalone cluster: a master and two one-core workers,
 * each a separate JVM, started from the Maven jars alone (SPARK-NOTES), and the job
 * launched by submit.sh through SparkSubmit. The cells must equal a local[2] run's, also
 * when one executor JVM is killed in the middle of the run.
 */
class ClusterIT {
    private static final List<Process> DAEMONS = new ArrayList<>();
    private static Path sparkHome;
    private static Path logs;
    private static String masterUrl;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        Path lib = Paths.get(System.getProperty("cellactive.libDir", "target/lib")).toAbsolutePath();
        sparkHome = lib.getParent().resolve("spark-home");
        Files.createDirectories(sparkHome);
        Path jars = sparkHome.resolve("jars");
        if (!Files.exists(jars)) {
            Files.createSymbolicLink(jars, lib);
        }
        logs = Files.createDirectories(lib.getParent().resolve("it-runs/cluster-logs"));
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        DAEMONS.add(daemon("master", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
        waitFor(logs.resolve("master.log"), "Starting Spark master", 1);
        for (int i = 0; i < 2; i++) {
            DAEMONS.add(daemon("worker" + i, "org.apache.spark.deploy.worker.Worker", masterUrl,
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--webui-port", String.valueOf(freePort()), "--work-dir", tmp.resolve("work" + i).toString()));
        }
        waitFor(logs.resolve("master.log"), "Registering worker", 2);
    }

    @AfterAll
    static void stopCluster() {
        DAEMONS.forEach(Process::destroy);
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    @Test
    void clusterGivesTheSameCellsAsLocal() throws Exception {
        Path ann = Files.createDirectories(tmp.resolve("ann"));
        try (Stream<Path> files = Files.list(Bccd.annotations())) {
            for (Path p : files.sorted().limit(30).toList()) {
                Files.copy(p, ann.resolve(p.getFileName()));
            }
        }
        Path clusterRun = tmp.resolve("cluster");
        Path localRun = tmp.resolve("local");

        Process p = submit(logs.resolve("submit.log"), "extract", "--master", masterUrl,
                "--annotations", ann.toString(), "--images", Bccd.images().toString(), "--out", clusterRun.toString(),
                "--csv");
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "submit.sh timed out");
        String log = Files.readString(logs.resolve("submit.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("cells measured"), log);

        // Locally the rows are moved to 5 tasks by image; on the cluster they stay where the
        // VOC files were read: both ways must give the same cells.
        assertEquals(0, Main.run("extract", "--annotations", ann.toString(), "--images", Bccd.images().toString(),
                "--out", localRun.toString(), "--master", "local[2]", "--partitions", "5", "--csv"));

        long executorsLaunched = 0;
        for (int i = 0; i < 2; i++) {
            executorsLaunched += Files.readString(logs.resolve("worker" + i + ".log")).split("Asked to launch executor", -1).length - 1;
        }
        assertTrue(executorsLaunched >= 2, "expected executor JVMs on both workers");

        SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
        List<Row> cluster = spark.read().parquet(clusterRun.resolve("cells.parquet").toString()).orderBy("cell_key").collectAsList();
        List<Row> local = spark.read().parquet(localRun.resolve("cells.parquet").toString()).orderBy("cell_key").collectAsList();
        assertTrue(local.size() > 300, "a real sample: " + local.size());
        assertEquals(local, cluster);
        // Determinism, as a person sees it: the same cells.csv, rows sorted.
        assertEquals(SortedCsv.lines(localRun.resolve("cells.csv")), SortedCsv.lines(clusterRun.resolve("cells.csv")));
    }

    /**
     * simulate on the cluster (its scans run in the two executor JVMs) gives the curves of a
     * local[2] run with the same arguments (DeterminismIT's: 2 repeats, 15 rounds, random and
     * least-confident), every column but the wall times fit_ms and query_ms ({@link CurvesWithoutTimes}).
     * DeterminismIT shows local[1] and local[2], and tables of 1 and 12 files, agree.
     */
    @Test
    void clusterGivesTheSameCurvesAsLocal() throws Exception {
        Path cells = BccdRun.cells();
        Path clusterOut = tmp.resolve("simulate-cluster");
        Path localOut = tmp.resolve("simulate-local");
        Path log = logs.resolve("submit-simulate.log");
        Process p = submit(log, DeterminismIT.simulateArgs(cells, clusterOut, masterUrl).toArray(String[]::new));
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "submit.sh timed out");
        assertEquals(0, p.exitValue(), Files.readString(log));
        assertEquals(0, Main.run(DeterminismIT.simulateArgs(cells, localOut, "local[2]").toArray(String[]::new)));
        List<String> local = CurvesWithoutTimes.lines(localOut.resolve("curves.csv"));
        assertEquals(1 + 2 * 3 * 15, local.size(), "2 repeats x 3 strategies x 15 rounds");
        assertEquals(local, CurvesWithoutTimes.lines(clusterOut.resolve("curves.csv")));
    }

    /**
     * SIGKILL to one worker's executor JVM while the feature stage runs on all of BCCD. The
     * driver must recompute what that executor held (parsed annotations, cached boxes, measured
     * outcomes) from lineage, and the cells must equal an undisturbed run's. Before the parsed
     * annotations kept their lineage, this failed with CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND.
     */
    @Test
    void killedExecutorIsRecoveredAndCellsEqualAnUndisturbedRun() throws Exception {
        // 150 images: five tasks of 30 files (binaryFile packs them so on two cores), enough
        // for the kill to land after the first task ended and well before the last.
        Path ann = Files.createDirectories(tmp.resolve("ann-killed"));
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(Bccd.annotations())) {
            for (Path f : files.sorted().limit(150).toList()) {
                Files.copy(f, ann.resolve(f.getFileName()));
                ids.add(f.getFileName().toString().replace(".xml", ""));
            }
        }
        Path run = tmp.resolve("killed");
        Path log = logs.resolve("submit-killed.log");
        Process p = submit(log, "extract", "--master", masterUrl, "--annotations", ann.toString(),
                "--images", Bccd.images().toString(), "--out", run.toString());

        // Kill once the executors hold blocks still to be used, long before the end: when the
        // driver's progress line (every 5 s) shows some boxes done, or, on a host fast enough to
        // finish before the first progress line, as soon as a task of the third stage starts: by
        // then the annotations were parsed and the boxes counted (stages 0 and 1), and their
        // persisted blocks live on the executors.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        Pattern progress = Pattern.compile("extract: ([\\d,]+)/([\\d,]+) cells");
        Pattern laterStage = Pattern.compile("Starting task \\S+ in stage [2-9]\\.");
        ProcessHandle victim = null;
        while (victim == null && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = progress.matcher(text);
            long done = -1;
            long total = 0;
            while (m.find()) {
                done = Long.parseLong(m.group(1).replace(",", ""));
                total = Long.parseLong(m.group(2).replace(",", ""));
            }
            if ((done > 0 && done < total * 0.7) || (done < 0 && laterStage.matcher(text).find())) {
                victim = executorOf(DAEMONS.get(1));
            }
        }
        assertTrue(victim != null, "no executor to kill mid-run (the run ended or never progressed):\n"
                + Files.readString(log));
        assertTrue(victim.destroyForcibly(), "SIGKILL to executor " + victim.pid());
        victim.onExit().get(30, TimeUnit.SECONDS);

        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "submit.sh timed out");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Lost executor") || out.contains("Lost task"),
                "the driver did not notice the kill:\n" + out);

        // The undisturbed run: the shared local extract of all of BCCD (it starts this JVM's
        // session if no test did), these images' cells.
        Path undisturbed = BccdRun.cells();
        SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
        List<Row> expected = spark.read().parquet(undisturbed.toString())
                .filter(functions.col("image_id").isin(ids.toArray())).orderBy("cell_key").collectAsList();
        List<Row> actual = spark.read().parquet(run.resolve("cells.parquet").toString()).orderBy("cell_key")
                .collectAsList();
        assertTrue(expected.size() > 1500, "a real sample: " + expected.size());
        assertEquals(expected, actual);
    }

    /** The executor JVM a worker started (its child process), or null. */
    private static ProcessHandle executorOf(Process worker) {
        return worker.toHandle().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .findFirst().orElse(null);
    }

    private static Process submit(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "submit.sh"));
        command.addAll(List.of(args));
        ProcessBuilder submit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        submit.environment().put("SPARK_HOME", sparkHome.toString());
        submit.environment().put("SPARK_SCALA_VERSION", "2.13");
        submit.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return submit.start();
    }

    private static Process daemon(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
        command.addAll(List.of(System.getProperty("cellactive.moduleFlags", "").split(" ")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static void waitFor(Path log, String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("'" + text + "' did not appear " + times + "x in " + log + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
