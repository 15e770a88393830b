package org.cellactive.annotations;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the real BCCD data (surefire sets {@code cellactive.bccd}). */
final class BccdData {
    private BccdData() {
    }

    static Path root() {
        String dir = System.getProperty("cellactive.bccd", "../shared/data/bccd");
        Path bccd = Path.of(dir, "BCCD").toAbsolutePath().normalize();
        if (!Files.isDirectory(bccd)) {
            throw new IllegalStateException("BCCD not found at " + bccd + " (set -Dcellactive.bccd)");
        }
        return bccd;
    }

    static Path annotations() {
        return root().resolve("Annotations");
    }

    static Path images() {
        return root().resolve("JPEGImages");
    }
}
