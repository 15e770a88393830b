package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cellactive.experiment.CompletedRepeats;
import org.cellactive.testing.Bccd;
import org.cellactive.testing.BccdRun;
import org.junit.jupiter.api.Test;

/**
 * A {@code simulate} killed with SIGKILL mid-run, then rerun with the same command and
 * {@code --out}, resumes from its finished repeats and ends with the curves of an uninterrupted
 * run: no repeat lost, none counted twice. Also: a finished run folder is refused, and
 * {@code --overwrite} replaces it.
 */
class SimulateResumeIT {

    private static final int REPEATS = 6;

    private static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("simulate", "--cells", BccdRun.cells().toString(),
                "--out", out.toString(), "--protocol", "binary", "--features", "gray-intensity",
                "--strategies", "random,least-confident", "--repeats", String.valueOf(REPEATS), "--rounds", "40",
                "--threads", "1", "--seed", "11", "--master", "local[2]"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void killedSimulationResumesToTheUninterruptedCurves() throws Exception {
        Path whole = Bccd.itRuns().resolve("simulate-whole");
        Path killed = Bccd.itRuns().resolve("simulate-killed");
        assertEquals(0, Main.run(args(whole)));

        Process child = childJvm(args(killed)).start();
        Path repeats = killed.resolve(CompletedRepeats.DIR);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (finished(repeats) < 1 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor();
        int before = finished(repeats);
        assertTrue(before >= 1 && before < REPEATS, "killed after " + before + " of " + REPEATS + " repeats");
        assertFalse(Files.exists(killed.resolve("manifest.json")), "a killed run has no manifest");

        assertEquals(0, Main.run(args(killed)));
        assertEquals(withoutTimes(whole.resolve("curves.csv")), withoutTimes(killed.resolve("curves.csv")));
        List<String> rows = withoutTimes(killed.resolve("curves.csv"));
        Set<String> keys = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertTrue(keys.add(f[0] + "," + f[1] + "," + f[2]), "counted twice: " + row);
        }
        assertEquals(REPEATS * 2 * 40, keys.size());
        String manifest = Files.readString(killed.resolve("manifest.json"));
        assertTrue(manifest.contains("\"resumed_repeats\" : " + before) || manifest.contains("\"resumed_repeats\":" + before),
                "the manifest counts the resumed repeats");

        // Finished: the same command is refused; --overwrite replaces the folder whole.
        assertEquals(CliErrors.INPUT, Main.run(args(killed)));
        Files.writeString(killed.resolve("stray.txt"), "from the old run");
        assertEquals(0, Main.run(args(killed, "--overwrite")));
        assertFalse(Files.exists(killed.resolve("stray.txt")), "no file of the old run survives --overwrite");
        assertEquals(withoutTimes(whole.resolve("curves.csv")), withoutTimes(killed.resolve("curves.csv")));
    }

    private static int finished(Path repeats) throws IOException {
        if (!Files.isDirectory(repeats)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(repeats)) {
            return (int) s.filter(p -> p.getFileName().toString().matches("repeat-\\d+\\.csv")).count();
        }
    }

    /** curves.csv without its two wall-time columns, which differ between any two runs. */
    private static List<String> withoutTimes(Path curves) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(curves)) {
            String[] f = line.split(",");
            out.add(String.join(",", List.of(f).subList(0, 7)));
        }
        return out;
    }

    private static ProcessBuilder childJvm(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx2g", "-Dspark.ui.enabled=false", "-cp", System.getProperty("java.class.path"),
                "org.cellactive.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
}
