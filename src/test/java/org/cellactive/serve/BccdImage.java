package org.cellactive.serve;

import java.nio.file.Path;
import org.cellactive.learning.labelling.BccdCellsFixture;

/** A real BCCD image file, for requests that try to name it directly. */
final class BccdImage {
    private BccdImage() {
    }

    static Path path() {
        return BccdCellsFixture.bccd().resolve("JPEGImages/BloodImage_00000.jpg");
    }
}
