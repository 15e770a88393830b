package org.cellactive.experiment.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.cellactive.experiment.CurveRow;

/**
 * PLACEHOLDER, to be replaced by the report helper's class of the same signature: it will
 * write summary.csv, learning-curves.png and report.html. This stand-in writes nothing,
 * so that {@code simulate} compiles and runs until the real one lands.
 */
public final class SimulationReport {

    private SimulationReport() {
    }

    /**
     * @param outDir     the run folder
     * @param rows       every curve row of the run
     * @param parameters every parameter of the run, in display order
     */
    public static void write(Path outDir, List<CurveRow> rows, LinkedHashMap<String, String> parameters)
            throws IOException {
        // Intentionally empty: see the class comment.
    }
}
