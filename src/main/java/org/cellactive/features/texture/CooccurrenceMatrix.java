package org.cellactive.features.texture;

import org.cellactive.imaging.ScratchArrays;

/**
 * The symmetric grey-level co-occurrence matrices of one object in {@link #DIRECTIONS}
 * directions, as mahotas builds them for {@code haralick(..., ignore_zeros=True)}: pairs where
 * either pixel is 0 are dropped, and each matrix is M + Mᵀ, so a pair of equal levels adds 2
 * to the diagonal.
 *
 * <p>The one-sided counts M of all directions are gathered in one pass over the object's
 * pixels ({@link #accumulate}), then each direction's symmetric matrix is listed cell by cell
 * ({@link #symmetric}) in the order mahotas' M + Mᵀ first touches its cells. Only touched
 * cells are visited and cleared, so a cell costs its pixel pairs, not 256².
 * Mutable scratch space: one instance per thread, reused, never shared; after an exception
 * its state is undefined and the instance must be dropped.
 */
final class CooccurrenceMatrix {
    static final int DIRECTIONS = 4;
    /**
     * Cell (a, b) of direction d is at {@code (a << 10) | (b << 2) | d}, a and b grey levels
     * 0..255: the 4 directions of a pixel land in the same row a, usually in one cache line,
     * and levels need no mapping to a compact index. Row and column 0 are a junk area: pairs
     * with an ignored pixel are counted there without a branch, never listed, never read, so
     * never cleared (their counts may wrap around: harmless).
     */
    private static final int ROW_SHIFT = 10;
    private static final int COLUMN_SHIFT = 2;
    private static final int CELLS = 256 << ROW_SHIFT;

    /** The one-sided counts M of every direction; outside the junk area, all 0 between objects. */
    private final int[] pairs = new int[CELLS];
    /** Slot 0: each direction's cells of M in first-touch order; 1, 2: the symmetric list. */
    private final ScratchArrays scratch = new ScratchArrays(3, 0, 0, 0);
    private int[] firstTouch = new int[0];
    /** Direction d's first-touch list is firstTouch[d * capacity .. + touchCount[d]). */
    private int capacity;
    private final int[] touchCount = new int[DIRECTIONS];

    /** The symmetric matrix of the last {@link #symmetric} call: entries' level pairs and counts. */
    private int[] entryPair = new int[0];
    private int[] entryCount = new int[0];
    private int entries;
    private int cellCount;
    private long total;

    /**
     * Counts, for every direction d, each pair (p, p + shifts[d]) of non-zero pixels of
     * {@code levels} (unsigned bytes), for p in {@code objectAt[0..n)}. {@code levels} is a plane
     * with a margin of zeros wide enough that p + shift never leaves it, and {@code objectAt}
     * lists the object's pixels in raster order: the pairs are then met in the order a scan of
     * the whole plane would meet them.
     */
    void accumulate(byte[] levels, int[] objectAt, int n, int[] shifts) {
        capacity = n + 1; // one spare slot: a pair's cell is written before it is known to be new
        firstTouch = scratch.ints(0, DIRECTIONS * capacity);
        int[] m = pairs;
        int[] t = firstTouch;
        int s0 = shifts[0];
        int s1 = shifts[1];
        int s2 = shifts[2];
        int s3 = shifts[3];
        int t0 = 0;
        int t1 = capacity;
        int t2 = 2 * capacity;
        int t3 = 3 * capacity;
        // The 4 directions share the load of each pixel, and their increments are independent:
        // a run of equal pairs in one direction does not wait on its own previous store.
        for (int j = 0; j < n; j++) {
            int p = objectAt[j];
            int a = levels[p] & 0xFF;
            int row = a << ROW_SHIFT;
            int b0 = levels[p + s0] & 0xFF;
            int b1 = levels[p + s1] & 0xFF;
            int b2 = levels[p + s2] & 0xFF;
            int b3 = levels[p + s3] & 0xFF;
            int c0 = row | (b0 << COLUMN_SHIFT);
            int c1 = row | (b1 << COLUMN_SHIFT) | 1;
            int c2 = row | (b2 << COLUMN_SHIFT) | 2;
            int c3 = row | (b3 << COLUMN_SHIFT) | 3;
            // Branch-free first-touch record: which pairs are new is unpredictable. A cell is
            // listed when its count was 0 and neither level is 0 (sign bits of both terms).
            t[t0] = c0;
            t0 += ((m[c0]++ - 1) & -(a * b0)) >>> 31;
            t[t1] = c1;
            t1 += ((m[c1]++ - 1) & -(a * b1)) >>> 31;
            t[t2] = c2;
            t2 += ((m[c2]++ - 1) & -(a * b2)) >>> 31;
            t[t3] = c3;
            t3 += ((m[c3]++ - 1) & -(a * b3)) >>> 31;
        }
        touchCount[0] = t0;
        touchCount[1] = t1 - capacity;
        touchCount[2] = t2 - 2 * capacity;
        touchCount[3] = t3 - 3 * capacity;
    }

    /** Whether direction d has no pair of non-zero pixels. */
    boolean isEmpty(int d) {
        return touchCount[d] == 0;
    }

    /**
     * Lists direction d's symmetric matrix M + Mᵀ (see {@link #entries}) and clears that
     * direction's M. Must be called once for every direction after {@link #accumulate}.
     *
     * <p>Adding (a,b) then (b,a) per pair, as mahotas' M + Mᵀ, first touches the symmetric
     * cells in this order: each one-sided cell in its first-touch order, then its mirror.
     * Keeping that order keeps every floating-point sum over the cells the same. A cell and its
     * mirror have the same count, so they are listed as one entry, to be added twice.
     */
    void symmetric(int d) {
        int count = touchCount[d];
        int[] m = pairs;
        int[] t = firstTouch;
        int[] pair = entryPair = scratch.ints(1, count);
        int[] sum = entryCount = scratch.ints(2, count);
        int length = 0;
        int cells = 0;
        long totalCount = 0;
        for (int k = d * capacity, end = k + count; k < end; k++) {
            int cell = t[k];
            int c = m[cell];
            if (c == 0) continue; // listed, and cleared, with its mirror already
            int ab = cell >>> COLUMN_SHIFT;
            int a = ab >>> 8;
            int b = ab & 0xFF;
            m[cell] = 0;
            pair[length] = ab;
            if (a == b) {
                sum[length++] = 2 * c;
                cells++;
                totalCount += 2L * c;
            } else {
                int mirror = (b << ROW_SHIFT) | (a << COLUMN_SHIFT) | d;
                int s = c + m[mirror];
                m[mirror] = 0;
                sum[length++] = s;
                cells += 2;
                totalCount += 2L * s;
            }
        }
        entries = length;
        cellCount = cells;
        total = totalCount;
        touchCount[d] = 0;
    }

    /** The sum of all counts of the last {@link #symmetric} matrix. */
    long total() { return total; }
    /** The number of non-zero cells of the last {@link #symmetric} matrix. */
    int cellCount() { return cellCount; }
    /**
     * The number of entries of the last {@link #symmetric} matrix: an entry (i, j) stands for
     * the cell (i, j), then, when i ≠ j, its mirror (j, i) with the same count.
     */
    int entries() { return entries; }
    /** The grey levels i·256 + j of entry k. */
    int levelPair(int k) { return entryPair[k]; }
    /** The count of entry k's cell, and of its mirror. */
    int count(int k) { return entryCount[k]; }
}
