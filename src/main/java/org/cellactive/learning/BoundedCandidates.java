package org.cellactive.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The best {@code limit} cells seen so far, in {@link ScoredCell#QUERY_ORDER}, kept as
 * (score, block, row) slots of a binary heap whose root is the worst kept cell. A cell that
 * does not beat the root costs one comparison of doubles and no allocation; a key is decoded
 * only to break a tie of scores, and a {@link ScoredCell} is made only for the cells still
 * kept at the end.
 */
final class BoundedCandidates {

    private final int limit;
    private int size;
    private double[] scores;
    private PoolBlock[] blocks;
    private int[] rows;
    /** Keys decoded so far; a slot's stays null until a tie or the end needs it. */
    private String[] keys;

    BoundedCandidates(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.limit = limit;
        int capacity = Math.min(limit, 1024); // a huge limit grows with the cells actually kept
        scores = new double[capacity];
        blocks = new PoolBlock[capacity];
        rows = new int[capacity];
        keys = new String[capacity];
    }

    void offer(double score, PoolBlock block, int row) {
        if (size < limit) {
            if (size == scores.length) {
                grow();
            }
            set(size, score, block, row, null);
            siftUp(size++);
            return;
        }
        int byScore = Double.compare(score, scores[0]);
        if (byScore < 0) {
            return; // worse than the worst kept: the common case, decided without a key
        }
        String key = null;
        if (byScore == 0) {
            key = block.key(row);
            if (key.compareTo(keyAt(0)) >= 0) {
                return;
            }
        }
        set(0, score, block, row, key);
        siftDown(0);
    }

    /** The kept cells, in no particular order. */
    List<ScoredCell> toScoredCells() {
        List<ScoredCell> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new ScoredCell(keyAt(i), scores[i], blocks[i].features(rows[i])));
        }
        return out;
    }

    private void grow() {
        int n = (int) Math.min(limit, 2L * scores.length);
        scores = Arrays.copyOf(scores, n);
        blocks = Arrays.copyOf(blocks, n);
        rows = Arrays.copyOf(rows, n);
        keys = Arrays.copyOf(keys, n);
    }

    private void set(int i, double score, PoolBlock block, int row, String key) {
        scores[i] = score;
        blocks[i] = block;
        rows[i] = row;
        keys[i] = key;
    }

    private String keyAt(int i) {
        if (keys[i] == null) {
            keys[i] = blocks[i].key(rows[i]);
        }
        return keys[i];
    }

    /** True when slot a comes after slot b in query order. */
    private boolean worse(int a, int b) {
        int byScore = Double.compare(scores[a], scores[b]);
        if (byScore != 0) {
            return byScore < 0;
        }
        return keyAt(a).compareTo(keyAt(b)) > 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int worst = right < size && worse(right, left) ? right : left;
            if (!worse(worst, i)) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        PoolBlock block = blocks[a];
        blocks[a] = blocks[b];
        blocks[b] = block;
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
        String k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
    }
}
