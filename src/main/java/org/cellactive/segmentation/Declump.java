package org.cellactive.segmentation;

import java.util.Locale;

/** How touching cells in one foreground component are told apart (CellProfiler's "declump" setting). */
public enum Declump {
    /** Seeds at the maxima of the distance to the background; the watershed runs on that distance. */
    SHAPE,
    /** Seeds at the maxima of the smoothed darkness; the watershed runs on the darkness. */
    INTENSITY,
    /** Every connected component is one object. */
    NONE;

    public static Declump parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --declump '" + text + "'; choose shape, intensity or none");
        }
    }
}
