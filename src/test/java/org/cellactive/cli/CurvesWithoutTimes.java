package org.cellactive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * curves.csv without its wall-time columns ({@code fit_ms}, {@code query_ms}): what a run
 * computed, line for line and in the file's order. Every other column (repeat, strategy,
 * round, labels, ap, accuracy, balanced_accuracy) must be identical text across masters and
 * partitionings; the two time columns differ from run to run by nature.
 */
final class CurvesWithoutTimes {
    static final Set<String> WALL_TIME = Set.of("fit_ms", "query_ms");

    private CurvesWithoutTimes() {
    }

    static List<String> lines(Path curvesCsv) throws IOException {
        List<String> lines = Files.readAllLines(curvesCsv);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        if (!header.containsAll(WALL_TIME)) {
            throw new AssertionError(curvesCsv + ": no wall-time columns " + WALL_TIME + " in " + header);
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            // No field of curves.csv holds a comma (numbers and strategy names only).
            String[] fields = line.split(",", -1);
            if (fields.length != header.size()) {
                throw new AssertionError(curvesCsv + ": " + fields.length + " fields, not " + header.size() + ": " + line);
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                if (!WALL_TIME.contains(header.get(i))) {
                    out.add(fields[i]);
                }
            }
            kept.add(String.join(",", out));
        }
        return kept;
    }
}
