package org.cellactive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A CSV file's header, then its other lines sorted: row order is not part of a table. */
final class SortedCsv {
    private SortedCsv() {
    }

    static List<String> lines(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.sort(null);
        List<String> sorted = new ArrayList<>(List.of(lines.get(0)));
        sorted.addAll(rows);
        return sorted;
    }
}
