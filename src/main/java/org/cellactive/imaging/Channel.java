package org.cellactive.imaging;

import java.util.Locale;

/** The channels a measurement can read, named as CellProfiler column suffixes. */
public enum Channel {
    GRAY("Gray"), RED("Red"), GREEN("Green"), BLUE("Blue");

    private final String columnName;

    Channel(String columnName) {
        this.columnName = columnName;
    }

    /** The suffix used in feature column names, e.g. {@code Intensity_MeanIntensity_Gray}. */
    public String columnName() {
        return columnName;
    }

    /** Parses "gray", "Gray" or "GRAY". */
    public static Channel parse(String text) {
        return Channel.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
