package org.cellactive.learning;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One pass over a cached {@link Pool} for the stopping signal: how many unanswered cells the
 * current model classes differently from the previous one, and the largest uncertainty
 * (1 − max p) among the unanswered cells outside the batch. Logits are computed per block, as the
 * scan computes them ({@link ScoringModel#logits}, bit-identical to {@link ScoringModel#probabilities}),
 * straight from the pool's matrix: no table rows are decoded or boxed.
 */
public final class PoolChangePass {
    private PoolChangePass() {
    }

    /**
     * What the pass found.
     *
     * @param changed        cells whose predicted class differs between the two models
     * @param compared       cells compared (0 without a previous model)
     * @param maxUncertainty over the {@code left} cells; −∞ when there is none
     * @param left           unanswered cells outside the batch
     */
    public record Counts(long changed, long compared, double maxUncertainty, long left) implements Serializable {
        static final Counts EMPTY = new Counts(0, 0, Double.NEGATIVE_INFINITY, 0);

        Counts plus(Counts o) {
            return new Counts(changed + o.changed, compared + o.compared, Math.max(maxUncertainty, o.maxUncertainty),
                    left + o.left);
        }
    }

    /** What every task needs; small, so it rides in the closure. */
    private record Request(ScoringModel current, List<String> currentClasses, ScoringModel previous,
                           List<String> previousClasses, KeySet answered, KeySet batch) implements Serializable {
    }

    /**
     * @param previousOrNull        the last model round's coefficients, or null
     * @param previousClassesOrNull its classes, in its probability order
     * @param answered              cells to skip (labelled or otherwise answered)
     * @param batch                 the batch just picked: compared, but not counted as left
     */
    public static Counts run(Pool pool, ScoringModel current, List<String> currentClasses,
                             ScoringModel previousOrNull, List<String> previousClassesOrNull, Set<String> answered,
                             Set<String> batch) {
        Request r = new Request(current, List.copyOf(currentClasses), previousOrNull,
                previousClassesOrNull == null ? null : List.copyOf(previousClassesOrNull), KeySet.of(answered),
                KeySet.of(batch));
        return pool.blocks().mapPartitions(blocks -> Collections.singletonList(partition(blocks, r)).iterator())
                .fold(Counts.EMPTY, Counts::plus);
    }

    private static Counts partition(Iterator<PoolBlock> blocks, Request r) {
        ScoringModel now = r.current();
        ScoringModel before = r.previous();
        boolean skip = !r.answered().isEmpty();
        double[] p = new double[now.probabilityCount()];
        double[] q = before == null ? null : new double[before.probabilityCount()];
        double[] z = new double[0];
        double[] zb = new double[0];
        long changed = 0;
        long compared = 0;
        long left = 0;
        double max = Double.NEGATIVE_INFINITY;
        while (blocks.hasNext()) {
            PoolBlock b = blocks.next();
            int need = b.size() * now.logitCount();
            if (z.length < need) {
                z = new double[need];
            }
            now.logits(b.matrix(), b.dims(), 0, b.size(), z);
            if (before != null) {
                int needBefore = b.size() * before.logitCount();
                if (zb.length < needBefore) {
                    zb = new double[needBefore];
                }
                before.logits(b.matrix(), b.dims(), 0, b.size(), zb);
            }
            for (int row = 0; row < b.size(); row++) {
                if (skip && b.keyIn(r.answered(), row)) {
                    continue;
                }
                now.probabilitiesOfLogits(z, row * now.logitCount(), p);
                int best = ClassLabels.predicted(p);
                if (before != null) {
                    before.probabilitiesOfLogits(zb, row * before.logitCount(), q);
                    compared++;
                    if (!r.previousClasses().get(ClassLabels.predicted(q)).equals(r.currentClasses().get(best))) {
                        changed++;
                    }
                }
                if (!b.keyIn(r.batch(), row)) {
                    left++;
                    max = Math.max(max, 1 - p[best]);
                }
            }
        }
        return new Counts(changed, compared, max, left);
    }
}
