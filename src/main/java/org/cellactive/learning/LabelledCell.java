package org.cellactive.learning;

import java.io.Serializable;

/**
 * A cell with a known class: its key, its class index in {@link ClassLabels} order, and
 * its feature vector.
 */
public record LabelledCell(String key, int label, double[] features) implements Serializable {
}
