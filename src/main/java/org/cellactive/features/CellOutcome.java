package org.cellactive.features;

import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.PixelBox;
import org.cellactive.reject.RejectedException;

/** What became of one box: its cell measured, or the reason it could not be. */
public sealed interface CellOutcome {

    /**
     * @param box    the box's pixels in the image
     * @param crop   the box's crop
     * @param mask   the cell found in the crop
     * @param values the cell's feature values, in {@link CellMeasurer#columns()} order; all finite
     */
    record Measured(PixelBox box, CellImage crop, ObjectMask mask, double[] values) implements CellOutcome {
    }

    record Rejected(RejectedException reason) implements CellOutcome {
    }
}
