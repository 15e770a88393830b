package org.cellactive.learning;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A pool cell with its query score: higher means "ask for this label first".
 */
public record ScoredCell(String key, double score, double[] features) implements Serializable {

    /** Query order: highest score first, then smallest cell key, so rankings repeat exactly. */
    public static final Comparator<ScoredCell> QUERY_ORDER = (a, b) -> {
        int byScore = Double.compare(b.score, a.score);
        return byScore != 0 ? byScore : a.key.compareTo(b.key);
    };
}
