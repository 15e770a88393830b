package org.cellactive.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the tests find the real BCCD data (../shared/data/bccd) and write their runs. */
public final class Bccd {
    private Bccd() {
    }

    public static Path root() {
        Path root = Paths.get(System.getProperty("cellactive.bccd", "../shared/data/bccd")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("BCCD"))) {
            throw new IllegalStateException("BCCD not found at " + root + ": the tests read it from ../shared/data/bccd");
        }
        return root;
    }

    public static Path annotations() {
        return root().resolve("BCCD/Annotations");
    }

    public static Path images() {
        return root().resolve("BCCD/JPEGImages");
    }

    /** A folder for integration-test runs that outlives the test (the notebook reads one). */
    public static Path itRuns() {
        return Paths.get(System.getProperty("cellactive.itRuns", "target/it-runs")).toAbsolutePath();
    }
}
