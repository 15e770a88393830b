package org.cellactive.learning;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * One distributed pass over a pool per round: every unlabelled cell is scored with the
 * current model and strategy, each partition keeps its best candidates in a bounded heap,
 * and the driver merges those few lists. No full sort, and the pool is never collected.
 *
 * <p>The model travels as a broadcast {@link ScoringModel} (plain coefficient arrays), and
 * the job is a plain RDD pass over the cached pool, so no query is planned per round.
 */
public final class UncertaintyScan {

    private UncertaintyScan() {
    }

    /** What every task needs, broadcast once per scan. */
    private record Request(ScoringModel model, QueryStrategy strategy, Set<String> excluded, int limit)
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
        JavaRDD<PoolCell> cells = pool.cells();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(cells.context());
        Broadcast<Request> request = jsc.broadcast(new Request(model, strategy, Set.copyOf(excluded), limit));
        try {
            List<List<ScoredCell>> perPartition = cells
                    .mapPartitions(it -> Collections.singletonList(topOfPartition(it, request.value())).iterator())
                    .collect();
            List<ScoredCell> merged = new ArrayList<>();
            perPartition.forEach(merged::addAll);
            merged.sort(ScoredCell.QUERY_ORDER);
            return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
        } finally {
            request.destroy(false);
        }
    }

    private static List<ScoredCell> topOfPartition(Iterator<PoolCell> cells, Request r) {
        // Head = the worst kept candidate, the one a better cell replaces.
        PriorityQueue<ScoredCell> heap = new PriorityQueue<>(r.limit() + 1, ScoredCell.QUERY_ORDER.reversed());
        boolean useModel = r.strategy().usesModel();
        while (cells.hasNext()) {
            PoolCell c = cells.next();
            if (r.excluded().contains(c.key())) {
                continue;
            }
            double[] p = useModel ? r.model().probabilities(c.features()) : null;
            ScoredCell s = new ScoredCell(c.key(), r.strategy().score(p, c.key()), c.features());
            if (heap.size() < r.limit()) {
                heap.add(s);
            } else if (ScoredCell.QUERY_ORDER.compare(s, heap.peek()) < 0) {
                heap.poll();
                heap.add(s);
            }
        }
        return new ArrayList<>(heap);
    }
}
