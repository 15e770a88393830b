package org.cellactive.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cellactive.learning.ledger.AtomicFiles;

/**
 * The repeats of a {@code simulate} run that have finished, kept in {@code OUT_DIR/repeats/}: one
 * curves file per repeat, renamed into place (and synced) the moment the repeat completes. A
 * run killed at any point, even with SIGKILL, loses at most the repeats that were still running;
 * the same command with the same {@code --out} reads the finished ones back and runs only the
 * rest. A repeat's rows depend only on the run's settings and the repeat's index, so a resumed
 * run equals an uninterrupted one.
 *
 * <p>{@code settings.txt} holds the settings that decide a repeat's rows (everything but the
 * thread count and the number of repeats): a rerun with other settings is refused rather than
 * mixed with them.
 */
public final class CompletedRepeats {

    public static final String DIR = "repeats";
    static final String SETTINGS = "settings.txt";

    private final Path dir;

    private CompletedRepeats(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens (or starts) the repeats folder of {@code outDir}.
     *
     * @param settings what decides a repeat's rows, as named strings
     * @throws IllegalArgumentException when the folder holds repeats of other settings
     */
    public static CompletedRepeats open(Path outDir, Map<String, String> settings) {
        Path dir = outDir.resolve(DIR);
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> {
            if (!k.equals("threads") && !k.equals("repeats")) {
                text.append(k).append('=').append(v).append('\n');
            }
        });
        Path file = dir.resolve(SETTINGS);
        try {
            Files.createDirectories(dir);
            AtomicFiles.removeStale(dir);
            if (Files.exists(file)) {
                String earlier = Files.readString(file, StandardCharsets.UTF_8);
                if (!earlier.equals(text.toString())) {
                    throw new IllegalArgumentException(dir + " holds repeats of a run with other settings ("
                            + firstDifference(earlier, text.toString()) + "); use another --out, or remove that"
                            + " folder to start again");
                }
            } else {
                AtomicFiles.writeString(file, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + dir + ": " + e.getMessage(), e);
        }
        return new CompletedRepeats(dir);
    }

    private static String firstDifference(String earlier, String now) {
        List<String> a = List.of(earlier.split("\n"));
        List<String> b = List.of(now.split("\n"));
        for (String line : b) {
            if (!a.contains(line)) {
                String key = line.substring(0, Math.max(0, line.indexOf('=')));
                String was = a.stream().filter(l -> l.startsWith(key + "=")).findFirst().orElse(key + " unset");
                return "was " + was + ", now " + line;
            }
        }
        return "a setting was dropped";
    }

    /** The rows of a finished repeat, or empty when it has not finished. */
    public Optional<List<CurveRow>> load(int repeat) {
        Path file = file(repeat);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<CurveRow> rows = CurvesCsv.read(file);
            for (CurveRow r : rows) {
                if (r.repeat() != repeat) {
                    throw new IOException(file + ": holds a row of repeat " + r.repeat());
                }
            }
            return Optional.of(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records a finished repeat durably: written beside, synced, renamed into place. */
    public void save(int repeat, List<CurveRow> rows) {
        AtomicFiles.writeString(file(repeat), CurvesCsv.text(rows));
    }

    private Path file(int repeat) {
        return dir.resolve(String.format(Locale.ROOT, "repeat-%04d.csv", repeat));
    }
}
