package org.cellactive.segmentation;

import java.util.Locale;

/** How touching cells in one foreground component are told apart (CellProfiler's "declump" setting). */
public enum Declump {
    /** Seeds at the maxima of the distance to the background; the watershed runs on that distance. */
    SHAPE,
    /**
     * The default: as {@link #SHAPE}, then a model of the image's typical red cell
     * ({@link ShapeRefinement}) merges touching fragments that make one typical disc and splits
     * objects of 1.5 or more typical areas by k-means: more red cells found whole on BCCD (recall
     * 0.727 → 0.812, 0.832 with the red boxes' wider pad), at the cost of some over-split pale-centred cells and a larger count error
     * (docs/segmentation.md).
     */
    CELLS,
    /** Seeds at the maxima of the smoothed darkness; the watershed runs on the darkness. */
    INTENSITY,
    /** Every connected component is one object. */
    NONE;

    /** Seeds from the distance to the background (shape, with or without the cell model). */
    public boolean byShape() {
        return this == SHAPE || this == CELLS;
    }

    public static Declump parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --declump '" + text + "'; choose shape, cells, intensity or none");
        }
    }
}
