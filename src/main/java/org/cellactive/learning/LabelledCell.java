package org.cellactive.learning;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A cell with a known class: its key, its class index in {@link ClassLabels} order, and
 * its feature vector.
 *
 * <p>A value: it copies the array it is given and the array it hands out, and compares by
 * key, label and the features' contents.
 */
public record LabelledCell(String key, int label, double[] features) implements Serializable {

    public LabelledCell {
        Objects.requireNonNull(key, "key");
        features = features.clone();
    }

    /** A copy of the features. */
    @Override
    public double[] features() {
        return features.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledCell c && key.equals(c.key) && label == c.label
                && Arrays.equals(features, c.features);
    }

    @Override
    public int hashCode() {
        return (31 * key.hashCode() + label) * 31 + Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "LabelledCell[key=" + key + ", label=" + label + ", features=" + Arrays.toString(features) + "]";
    }
}
