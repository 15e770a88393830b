package org.cellactive.features;

import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;

/** The check every family makes first: the mask must cover the crop pixel for pixel. */
public final class SameSize {
    private SameSize() {
    }

    public static void check(CellImage image, ObjectMask mask) {
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("mask " + mask.width() + "x" + mask.height()
                    + " does not match crop " + image.width() + "x" + image.height());
        }
    }
}
