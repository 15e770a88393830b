package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cellactive.learning.ClassLabels;

/**
 * The cells one repeat uses, drawn on the driver from the labelled keys alone (PROTOCOL,
 * "One repeat"): a stratified test set, a pool from the rest, and a seed set from the
 * pool that holds at least one cell of every class (one per class first, at random, then
 * filled up at random). Every strategy of the repeat uses the same draw.
 *
 * @param repeat 0-based repeat index
 * @param seed   the repeat's own seed, derived from the run seed
 * @param test   test cell keys (never queried)
 * @param pool   pool cell keys, including the seed set
 * @param seeds  seed set keys, a subset of the pool, the per-class picks first
 */
public record RepeatDraw(int repeat, long seed, List<String> test, List<String> pool, List<String> seeds) {

    public RepeatDraw {
        test = List.copyOf(test);
        pool = List.copyOf(pool);
        seeds = List.copyOf(seeds);
    }

    /** The seed of repeat {@code repeat} of a run seeded with {@code runSeed}. */
    public static long repeatSeed(long runSeed, int repeat) {
        return new SplittableRandom(runSeed ^ (0x9E3779B97F4A7C15L * (repeat + 1))).nextLong();
    }

    /**
     * @param truth class index per labelled cell key (cells of other classes are not in it)
     * @throws IllegalArgumentException when the table has too few cells, or the pool lacks a class
     */
    public static RepeatDraw draw(Map<String, Integer> truth, ClassLabels classes, int testSize, int poolSize,
                                  int seedSize, int repeat, long runSeed) {
        int k = classes.size();
        if (seedSize < k) {
            throw new IllegalArgumentException("--seed-size " + seedSize + " is below the " + k
                    + " classes: the seed set must hold one cell of every class");
        }
        if (seedSize > poolSize) {
            throw new IllegalArgumentException("--seed-size " + seedSize + " exceeds --pool " + poolSize);
        }
        if (testSize + poolSize > truth.size()) {
            throw new IllegalArgumentException("--test " + testSize + " + --pool " + poolSize + " need "
                    + (testSize + poolSize) + " cells, but the cells table has " + truth.size() + " of " + classes.names());
        }
        // Sorted keys per class, so the draw depends only on the seed and the set of cells.
        List<List<String>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        new TreeMap<>(truth).forEach((key, c) -> byClass.get(c).add(key));
        for (int c = 0; c < k; c++) {
            if (byClass.get(c).isEmpty()) {
                throw new IllegalArgumentException("the cells table has no " + classes.name(c) + " cell");
            }
        }
        long seed = repeatSeed(runSeed, repeat);
        SplittableRandom random = new SplittableRandom(seed);
        int[] quota = stratifiedQuota(byClass, testSize, truth.size());
        List<String> test = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<String> keys = new ArrayList<>(byClass.get(c));
            shuffle(keys, random);
            test.addAll(keys.subList(0, quota[c]));
            rest.addAll(keys.subList(quota[c], keys.size()));
        }
        Collections.sort(rest);
        shuffle(rest, random);
        List<String> pool = new ArrayList<>(rest.subList(0, poolSize));
        List<String> seeds = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        for (int c = 0; c < k; c++) {
            String first = null;
            for (String key : pool) {
                if (truth.get(key) == c) {
                    first = key;
                    break;
                }
            }
            if (first == null) {
                throw new IllegalArgumentException("repeat " + repeat + ": the pool of " + poolSize + " cells holds no "
                        + classes.name(c) + " cell, so no seed set can hold every class; raise --pool");
            }
            seeds.add(first);
            chosen.add(first);
        }
        List<String> others = new ArrayList<>();
        for (String key : pool) {
            if (!chosen.contains(key)) {
                others.add(key);
            }
        }
        shuffle(others, random);
        seeds.addAll(others.subList(0, seedSize - k));
        Collections.sort(test);
        return new RepeatDraw(repeat, seed, test, pool, seeds);
    }

    /** Largest-remainder quotas proportional to class sizes, with at least one per class. */
    static int[] stratifiedQuota(List<List<String>> byClass, int testSize, int total) {
        int k = byClass.size();
        int[] quota = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            double exact = (double) testSize * byClass.get(c).size() / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < testSize) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (remainder[c] > remainder[best]) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        if (testSize >= k) {
            for (int c = 0; c < k; c++) {
                if (quota[c] == 0) {
                    int largest = 0;
                    for (int j = 1; j < k; j++) {
                        if (quota[j] > quota[largest]) {
                            largest = j;
                        }
                    }
                    quota[largest]--;
                    quota[c]++;
                }
            }
        }
        return quota;
    }

    private static void shuffle(List<String> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
