package org.cellactive.features.family;

import java.io.Serializable;
import java.util.List;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;

/**
 * One family of per-object measurements (AreaShape, Intensity, Texture, ...).
 *
 * <p>A family is pure Java: it reads pixel planes and a mask, and knows nothing of
 * Spark. It is configured when built, is immutable afterwards, and is safe to share
 * between threads. Its column list never changes, so the table schema is known
 * before any image is read.
 */
public interface MeasurementFamily extends Serializable {

    /** The family name users select with {@code --features}, e.g. "AreaShape". */
    String name();

    /** Column names in output order, named as CellProfiler names them. */
    List<String> columns();

    /**
     * Measures one object and writes {@code columns().size()} values into
     * {@code out} starting at {@code offset}. Values that CellProfiler would
     * report as NaN are written as 0, so the table never holds NaN or infinity.
     * The mask holds at least one pixel and has the image's size.
     */
    void measure(CellImage image, ObjectMask mask, double[] out, int offset);
}
