package org.cellactive.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch-aware strategy: take the {@code factor × k} most uncertain cells (entropy), then
 * pick k of them by greedy farthest-point (k-center) selection in standardized feature
 * space, starting from the most uncertain. Plain top-k tends to fill a batch with
 * near-duplicates from one spot of the decision boundary. For k = 1 it equals entropy.
 *
 * @param factor candidates per batch slot (at least 1)
 */
public record DiverseStrategy(int factor) implements QueryStrategy {

    public static final int DEFAULT_FACTOR = 10;

    public DiverseStrategy {
        if (factor < 1) {
            throw new IllegalArgumentException("diverse: candidate factor must be >= 1, got " + factor);
        }
    }

    @Override
    public String name() {
        return "diverse";
    }

    @Override
    public double score(double[] probabilities, String cellKey) {
        return UncertaintyMeasure.ENTROPY.score(probabilities);
    }

    @Override
    public double score(double[] probabilities, PoolBlock block, int row) {
        return UncertaintyMeasure.ENTROPY.score(probabilities);
    }

    @Override
    public int candidates(int k) {
        return (int) Math.min(Integer.MAX_VALUE, (long) factor * k);
    }

    @Override
    public boolean usesScale() {
        return true;
    }

    @Override
    public List<ScoredCell> choose(List<ScoredCell> ranked, int k, FeatureScale scale) {
        int n = ranked.size();
        List<ScoredCell> chosen = new ArrayList<>(Math.min(k, n));
        if (n == 0 || k <= 0) {
            return chosen;
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = ranked.get(i).features(); // a copy each: take them once, not once per distance
        }
        boolean[] taken = new boolean[n];
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int next = 0; // the most uncertain candidate starts the batch
        while (true) {
            taken[next] = true;
            chosen.add(ranked.get(next));
            if (chosen.size() == Math.min(k, n)) {
                return chosen;
            }
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                nearest[i] = Math.min(nearest[i], scale.squaredDistance(x[i], x[next]));
                // Ties go to the earlier candidate: higher score, then smaller key.
                if (best < 0 || nearest[i] > nearest[best]) {
                    best = i;
                }
            }
            next = best;
        }
    }
}
