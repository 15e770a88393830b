package org.cellactive.learning;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The candidates for the next batch, in one distributed pass over a pool per round: every
 * unlabelled cell is scored with the current model and {@link QueryStrategy} (uncertainty,
 * random or diverse), each partition keeps its best in a bounded heap, and Spark's
 * {@code takeOrdered} merges those few lists on the driver. One job, no full sort, and the
 * pool never leaves the executors.
 *
 * <p>Cells are scored where the pool caches them, block by block, from the row-major feature
 * matrix: no object is made for a cell unless it enters a partition's heap, and only the
 * partition's final candidates become {@link ScoredCell}s.
 *
 * <p>What a task needs (the coefficients, the strategy, the excluded keys, the limit) is a
 * few kilobytes and rides in the task closure, which Spark ships once per stage; a
 * broadcast per round would only add a block to create and destroy.
 */
public final class CandidateScan {

    private CandidateScan() {
    }

    /** What every task needs: small, so it travels inside the closure. */
    private record Request(ScoringModel model, QueryStrategy strategy, KeySet excluded, int limit)
            implements Serializable {
    }

    /**
     * The next batch to label.
     *
     * @param model    the current model; may be null when the strategy does not use one
     * @param excluded keys of cells already labelled (or otherwise not to be asked)
     * @param k        batch size
     * @return at most k cells; fewer only when the pool has fewer unlabelled cells
     */
    public static List<ScoredCell> nextBatch(Pool pool, ScoringModel model, QueryStrategy strategy,
                                             Set<String> excluded, int k) {
        List<ScoredCell> ranked = top(pool, model, strategy, excluded, strategy.candidates(k));
        FeatureScale scale = strategy.usesScale() ? pool.scale() : null;
        return strategy.choose(ranked, k, scale);
    }

    /**
     * The {@code limit} best-scored unlabelled cells in {@link ScoredCell#QUERY_ORDER}:
     * exactly the first {@code limit} rows of a full sort by (score desc, cell key asc).
     */
    public static List<ScoredCell> top(Pool pool, ScoringModel model, QueryStrategy strategy,
                                       Set<String> excluded, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        if (strategy.usesModel() && model == null) {
            throw new IllegalArgumentException("strategy " + strategy.name() + " needs a fitted model");
        }
        Request r = new Request(strategy.usesModel() ? model : null, strategy, KeySet.of(excluded), limit);
        // Each partition hands takeOrdered at most `limit` candidates; takeOrdered keeps the best
        // `limit` of each partition's list and merges them in the same job.
        return List.copyOf(pool.blocks()
                .mapPartitions(blocks -> topOfPartition(blocks, r).iterator())
                .takeOrdered(limit, ScoredCell.QUERY_ORDER));
    }

    private static List<ScoredCell> topOfPartition(Iterator<PoolBlock> blocks, Request r) {
        BoundedCandidates best = new BoundedCandidates(r.limit());
        ScoringModel model = r.model();
        QueryStrategy strategy = r.strategy();
        KeySet excluded = r.excluded();
        boolean skip = !excluded.isEmpty();
        double[] p = model == null ? null : new double[model.probabilityCount()];
        double[] z = new double[0];
        while (blocks.hasNext()) {
            PoolBlock b = blocks.next();
            if (model != null) {
                int need = b.size() * model.logitCount();
                if (z.length < need) {
                    z = new double[need];
                }
                model.logits(b.matrix(), b.dims(), 0, b.size(), z);
            }
            for (int row = 0; row < b.size(); row++) {
                if (skip && b.keyIn(excluded, row)) {
                    continue;
                }
                if (p != null) {
                    model.probabilitiesOfLogits(z, row * model.logitCount(), p);
                }
                best.offer(strategy.score(p, b, row), b, row);
            }
        }
        return best.toScoredCells();
    }
}
