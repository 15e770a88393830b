package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellactive.testing.Bccd;
import org.junit.jupiter.api.Test;

/**
 * The scale run of issue 14, behind the {@code scale} Maven profile and never in the default test
 * run: {@code synth --from BCCD} archives of {@value #SMALL_DEFAULT} and {@value #LARGE_DEFAULT}
 * images, then {@code extract} on each through {@code submit.sh} on {@code local[2]} with a 2 GiB
 * driver ({@code CELLACTIVE_DRIVER_MEMORY=2g}), as a user runs it.
 *
 * <p>It fails unless every box of each archive was measured or listed as a reject, and unless
 * memory stays flat: the larger run's peak heap after a collection (manifest.json
 * {@code memory.heap_after_gc_peak_bytes}) within 20% of the smaller run's. It prints cells/s per
 * core end to end. Sizes: {@code -Dcellactive.scale.small=N -Dcellactive.scale.large=N}; archives
 * and run folders go to {@code -Dcellactive.scale.dir} (default {@code target/scale}), and an
 * archive already complete there is reused.
 *
 * <pre>mvn -Pscale verify                                   # 2,000 and 20,000 images (20-40 min on 2 cores)
 * mvn -Pscale verify -Dcellactive.scale.small=100 -Dcellactive.scale.large=300   # the wiring, quickly</pre>
 */
class ScaleIT {
    static final int SMALL_DEFAULT = 2000;
    static final int LARGE_DEFAULT = 20000;
    private static final Pattern SYNTH_LINE = Pattern.compile("synth: ([\\d,]+) images, ([\\d,]+) boxes");
    private static final double FLAT = 1.2;

    /** One archive's extract, from its manifest. */
    record ScaleRun(int images, long boxes, long measured, long rejected, double seconds, long heapAfterGcPeak,
                    long heapMax) {
        double cellsPerSecondPerCore() {
            return measured / seconds / 2;
        }
    }

    @Test
    void everyBoxIsAccountedForAndMemoryStaysFlat() throws Exception {
        assumeTrue(Boolean.getBoolean("cellactive.scale"), "the scale run needs -Pscale");
        int small = Integer.getInteger("cellactive.scale.small", SMALL_DEFAULT);
        int large = Integer.getInteger("cellactive.scale.large", LARGE_DEFAULT);
        Path dir = Paths.get(System.getProperty("cellactive.scale.dir", "target/scale")).toAbsolutePath();
        Files.createDirectories(dir);
        List<ScaleRun> runs = new ArrayList<>();
        for (int images : List.of(small, large)) {
            ScaleRun run = extract(dir, images);
            runs.add(run);
            System.out.printf(Locale.ROOT, "ScaleIT: %,d images, %,d boxes: %,d measured, %,d rejected, %.1f s, "
                            + "%.0f cells/s per core, heap after GC peak %,d MiB of %,d MiB%n", run.images(), run.boxes(),
                    run.measured(), run.rejected(), run.seconds(), run.cellsPerSecondPerCore(),
                    run.heapAfterGcPeak() >> 20, run.heapMax() >> 20);
            assertEquals(run.boxes(), run.measured() + run.rejected(),
                    "every box of the " + images + "-image archive measured or listed as a reject");
            assertTrue(run.measured() > 0.9 * run.boxes(), "most synthetic boxes measure: " + run);
        }
        double ratio = (double) runs.get(1).heapAfterGcPeak() / runs.get(0).heapAfterGcPeak();
        assertTrue(ratio <= FLAT && ratio >= 1 / FLAT, String.format(Locale.ROOT,
                "peak heap after GC: %,d bytes for %,d images, %,d for %,d (ratio %.2f, allowed within 20%%)",
                runs.get(0).heapAfterGcPeak(), small, runs.get(1).heapAfterGcPeak(), large, ratio));
    }

    private static ScaleRun extract(Path dir, int images) throws IOException, InterruptedException {
        Path archive = dir.resolve("synth" + images);
        Path complete = archive.resolve(".complete");
        if (!Files.exists(complete)) {
            String line = submit(dir, "synth-" + images, "synth", "--from", Bccd.root().resolve("BCCD").toString(),
                    "--images", Integer.toString(images), "--seed", "1", "--out", archive.toString());
            Matcher m = SYNTH_LINE.matcher(line);
            assertTrue(m.find(), line);
            Files.writeString(complete, m.group(0) + "\n");
        }
        Matcher m = SYNTH_LINE.matcher(Files.readString(complete));
        assertTrue(m.find(), "marker " + complete);
        long boxes = Long.parseLong(m.group(2).replace(",", ""));
        Path run = dir.resolve("run" + images);
        submit(dir, "extract-" + images, "extract", "--master", "local[2]", "--overwrite",
                "--annotations", archive.resolve("Annotations").toString(),
                "--images", archive.resolve("JPEGImages").toString(), "--out", run.toString());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        return new ScaleRun(images, boxes, manifest.at("/counts/cells_measured").asLong(),
                manifest.at("/counts/rejected").asLong(), manifest.at("/timings_ms/total").asLong() / 1000.0,
                manifest.at("/memory/heap_after_gc_peak_bytes").asLong(), manifest.at("/memory/heap_max_bytes").asLong());
    }

    /** Runs {@code submit.sh ARGS} with a 2 GiB driver; returns its last stdout line. */
    private static String submit(Path dir, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get("submit.sh").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CELLACTIVE_DRIVER_MEMORY", "2g");
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 3 h; see " + err);
        }
        assertEquals(0, p.exitValue(), name + " failed; see " + err);
        List<String> lines = Files.readAllLines(out);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
