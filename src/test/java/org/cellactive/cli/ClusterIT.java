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
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.testing.Bccd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature stage on a real standalone cluster: a master and two one-core workers,
 * each a separate JVM, started from the Maven jars alone (SPARK-NOTES), and the job
 * launched by submit.sh through SparkSubmit. The cells must equal a local[2] run's.
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

        ProcessBuilder submit = new ProcessBuilder("bash", "submit.sh", "extract", "--master", masterUrl,
                "--annotations", ann.toString(), "--images", Bccd.images().toString(), "--out", clusterRun.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve("submit.log").toFile());
        submit.environment().put("SPARK_HOME", sparkHome.toString());
        submit.environment().put("SPARK_SCALA_VERSION", "2.13");
        submit.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = submit.start();
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "submit.sh timed out");
        String log = Files.readString(logs.resolve("submit.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("cells measured"), log);

        // Locally the rows are moved to 5 tasks by image; on the cluster they stay where the
        // VOC files were read: both ways must give the same cells.
        assertEquals(0, Main.run("extract", "--annotations", ann.toString(), "--images", Bccd.images().toString(),
                "--out", localRun.toString(), "--master", "local[2]", "--partitions", "5"));

        long executorsLaunched = 0;
        for (int i = 0; i < 2; i++) {
            executorsLaunched += Files.readString(logs.resolve("worker" + i + ".log")).split("Asked to launch executor", -1).length - 1;
        }
        assertTrue(executorsLaunched >= 2, "expected executor JVMs on both workers");

        SparkSession spark = SparkSession.builder().getOrCreate();
        List<Row> cluster = spark.read().parquet(clusterRun.resolve("cells.parquet").toString()).orderBy("cell_key").collectAsList();
        List<Row> local = spark.read().parquet(localRun.resolve("cells.parquet").toString()).orderBy("cell_key").collectAsList();
        assertTrue(local.size() > 300, "a real sample: " + local.size());
        assertEquals(local, cluster);
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
