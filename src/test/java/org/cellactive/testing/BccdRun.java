package org.cellactive.testing;

import java.nio.file.Path;
import org.cellactive.cli.Main;

/**
 * One {@code extract} of all of BCCD through the real CLI, shared by the integration
 * tests of one JVM: it is the slowest step, and every later stage reads its cells table.
 */
public final class BccdRun {
    private static Path run;

    private BccdRun() {
    }

    /** The run folder (cells.parquet, rejects.parquet, cells.csv, rejects.csv, manifest.json). */
    public static synchronized Path extracted() {
        if (run == null) {
            Path out = Bccd.itRuns().resolve("extract");
            int code = Main.run("extract", "--annotations", Bccd.annotations().toString(),
                    "--images", Bccd.images().toString(), "--out", out.toString(), "--csv",
                    "--crops", crops().toString(), "--master", "local[2]", "--overwrite");
            if (code != 0) {
                throw new IllegalStateException("extract on BCCD exited with " + code);
            }
            run = out;
        }
        return run;
    }

    public static Path crops() {
        return Bccd.itRuns().resolve("crops");
    }

    public static Path cells() {
        return extracted().resolve("cells.parquet");
    }
}
