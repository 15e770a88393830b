package org.cellactive.learning;

import java.io.Serializable;
import java.util.List;

/**
 * How the loop picks the next cells to label. A strategy scores each unlabelled cell from
 * the current model's class probabilities (higher = more informative); the
 * {@link CandidateScan} keeps the {@link #candidates(int)} best in one pass, and
 * {@link #choose} picks the batch among them on the driver.
 */
public interface QueryStrategy extends Serializable {

    /** The name used on the command line and in curves.csv. */
    String name();

    /** Score of one cell; {@code probabilities} is null when {@link #usesModel()} is false. */
    double score(double[] probabilities, String cellKey);

    /**
     * Score of cell {@code row} of a pool block: exactly {@code score(probabilities, block.key(row))}.
     * The scan calls this for every cell, so a strategy that reads the key overrides it to
     * read the key's bytes in place rather than build a {@code String} per cell.
     */
    default double score(double[] probabilities, PoolBlock block, int row) {
        return score(probabilities, block.key(row));
    }

    /** False for strategies that ignore the model (random), so no probabilities are computed. */
    default boolean usesModel() {
        return true;
    }

    /** How many top-scored cells the scan must return for a batch of {@code k}. */
    default int candidates(int k) {
        return k;
    }

    /**
     * The batch, from the candidates in {@link ScoredCell#QUERY_ORDER}.
     *
     * @param scale the pool's feature scale, for strategies that measure distances
     */
    default List<ScoredCell> choose(List<ScoredCell> ranked, int k, FeatureScale scale) {
        return List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
    }

    /** True when {@link #choose} needs the pool's feature scale. */
    default boolean usesScale() {
        return false;
    }
}
