package org.cellactive.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.CellSegmenter;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.reject.RejectedException;
import org.cellactive.features.family.MeasurementFamily;

/**
 * Finds the cell inside one crop and measures it with every selected family.
 * Pure Java and immutable: one instance serves all cells of a partition.
 */
public final class CellMeasurer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CellSegmenter segmenter;
    private final List<MeasurementFamily> families;
    private final List<String> columns;

    public CellMeasurer(FeatureOptions options) {
        this.segmenter = new CellSegmenter(options.threshold());
        this.families = List.copyOf(FeatureFamilies.build(options));
        List<String> names = new ArrayList<>();
        for (MeasurementFamily family : families) {
            names.addAll(family.columns());
        }
        this.columns = Collections.unmodifiableList(names);
    }

    /** How the cell is found inside its box's crop. */
    public CellSegmenter segmenter() {
        return segmenter;
    }

    /** Every feature column, in output order. */
    public List<String> columns() {
        return columns;
    }

    /** Segments the crop and measures the chosen object. */
    public double[] measure(CellImage crop) throws RejectedException {
        ObjectMask mask = segmenter.segment(crop);
        return measure(crop, mask);
    }

    /** Measures a given object; the values are checked to be finite. */
    public double[] measure(CellImage crop, ObjectMask mask) throws RejectedException {
        double[] values = new double[columns.size()];
        int offset = 0;
        for (MeasurementFamily family : families) {
            try {
                family.measure(crop, mask, values, offset);
            } catch (RuntimeException e) {
                throw new RejectedException(RejectedException.Stage.MEASURE,
                        family.name() + " failed: " + e, e);
            }
            offset += family.columns().size();
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new RejectedException(RejectedException.Stage.MEASURE,
                        columns.get(i) + " is " + values[i]);
            }
        }
        return values;
    }
}
