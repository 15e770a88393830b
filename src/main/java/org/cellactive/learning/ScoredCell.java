package org.cellactive.learning;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * A pool cell with its query score: higher means "ask for this label first".
 *
 * <p>A value: it copies the array it is given and the array it hands out, and compares by
 * key, score ({@link Double#compare}) and the features' contents. Only a scan's candidates
 * are ever made into one.
 */
public record ScoredCell(String key, double score, double[] features) implements Serializable {

    /**
     * Query order: highest score first, then smallest cell key, so rankings repeat exactly.
     * Serializable, because Spark's {@code takeOrdered} ships it to the executors.
     */
    public static final Comparator<ScoredCell> QUERY_ORDER = QueryOrder.INSTANCE;

    public ScoredCell {
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
        return o instanceof ScoredCell c && key.equals(c.key) && Double.compare(score, c.score) == 0
                && Arrays.equals(features, c.features);
    }

    @Override
    public int hashCode() {
        return (31 * key.hashCode() + Double.hashCode(score)) * 31 + Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "ScoredCell[key=" + key + ", score=" + score + ", features=" + Arrays.toString(features) + "]";
    }

    /** An enum, so the one instance survives serialization as itself. */
    private enum QueryOrder implements Comparator<ScoredCell> {
        INSTANCE;

        @Override
        public int compare(ScoredCell a, ScoredCell b) {
            int byScore = Double.compare(b.score, a.score);
            return byScore != 0 ? byScore : a.key.compareTo(b.key);
        }
    }
}
