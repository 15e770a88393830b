package org.cellactive.segmentation;

import java.io.Serializable;
import java.util.Objects;
import org.cellactive.imaging.ThresholdMethod;

/**
 * The settings of {@link ImageSegmenter}, named as CellProfiler's IdentifyPrimaryObjects names them.
 *
 * @param minDiameter objects whose equivalent diameter is smaller are dropped (pixels)
 * @param maxDiameter objects whose equivalent diameter is larger are dropped (pixels)
 * @param threshold   the global threshold of the smoothed darkness
 * @param declump     how touching cells are split
 * @param seedDistance declumping seeds closer than this are one seed (CellProfiler's "minimum allowed
 *                     distance between local maxima"), pixels
 * @param keepBorder  keep objects that touch the image border (CellProfiler discards them by default)
 */
public record SegmentationSettings(double minDiameter, double maxDiameter, ThresholdMethod threshold,
                                   Declump declump, double seedDistance, boolean keepBorder) implements Serializable {

    /** The defaults of the {@code segment} command, chosen on BCCD (docs/segmentation.md). */
    public static final double DEFAULT_MIN_DIAMETER = 25;
    public static final double DEFAULT_MAX_DIAMETER = 300;
    /**
     * Shape seeds this close are one cell's. BCCD's red cells (80-100 px) overlap, so the centres of
     * two of them may be 50 px apart; 32 merged many (docs/segmentation.md).
     */
    public static final double DEFAULT_SEED_DISTANCE = 16;

    public SegmentationSettings {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(declump, "declump");
        if (!(seedDistance >= 1)) {
            throw new IllegalArgumentException("seed distance must be at least 1 pixel: " + seedDistance);
        }
        if (!(minDiameter >= 1) || !(maxDiameter >= minDiameter)) {
            throw new IllegalArgumentException("diameters must satisfy 1 <= min <= max: min " + minDiameter
                    + ", max " + maxDiameter);
        }
    }

    public static SegmentationSettings defaults() {
        return new SegmentationSettings(DEFAULT_MIN_DIAMETER, DEFAULT_MAX_DIAMETER, ThresholdMethod.LI,
                Declump.CELLS, DEFAULT_SEED_DISTANCE, false);
    }
}
