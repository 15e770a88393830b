package org.cellactive.learning;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One cell as the learner sees it: its stable key and its feature vector, in the order of
 * the pool's {@link FeatureColumns}.
 *
 * <p>A value: it copies the array it is given and the array it hands out, and compares by
 * the key and the features' contents. Only the few cells a round fetches are ever made into
 * one; the pool itself keeps its cells in {@link PoolBlock}s.
 */
public record PoolCell(String key, double[] features) implements Serializable {

    public PoolCell {
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
        return o instanceof PoolCell c && key.equals(c.key) && Arrays.equals(features, c.features);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "PoolCell[key=" + key + ", features=" + Arrays.toString(features) + "]";
    }
}
