package org.cellactive.learning;

import java.io.Serializable;

/**
 * One cell as the learner sees it: its stable key and its feature vector, in the order of
 * the pool's {@link FeatureColumns}. The array is never modified after construction.
 */
public record PoolCell(String key, double[] features) implements Serializable {
}
