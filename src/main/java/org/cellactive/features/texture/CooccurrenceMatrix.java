package org.cellactive.features.texture;

/**
 * A symmetric grey-level co-occurrence matrix held sparsely, as mahotas builds it for
 * {@code haralick(..., ignore_zeros=True)}: pairs where either pixel is 0 are dropped, and
 * the matrix is M + Mᵀ, so a pair of equal levels adds 2 to the diagonal.
 *
 * <p>Only grey levels present in the object get a row ("compact" index), and only touched
 * cells are visited and cleared, so a cell costs its pixel pairs, not 256².
 * Mutable scratch space: one instance per thread, reused through {@link #reset}, never shared.
 */
final class CooccurrenceMatrix {
    private int[] levelOf;
    private int size;
    /** The one-sided counts M, cells listed in {@link #pairTouched} in order of first touch. */
    private int[] pairs = new int[0];
    private int[] pairTouched = new int[0];
    private int pairTouchedCount;
    /** The symmetric counts M + Mᵀ, cells listed in {@link #touched}. */
    private int[] counts = new int[0];
    private int[] touched = new int[0];
    private int touchedCount;
    private long total;

    /** @param levelOf the grey level of each compact index, ascending, all &gt; 0 */
    CooccurrenceMatrix(int[] levelOf) {
        reset(levelOf);
    }

    /**
     * Reuses this scratch space for another object's levels (see the class comment):
     * arrays grow when needed and are otherwise cleared cell by cell.
     */
    void reset(int[] levelOf) {
        clear();
        this.levelOf = levelOf;
        this.size = levelOf.length;
        int cells = Math.max(1, size * size);
        if (counts.length < cells) {
            pairs = new int[cells];
            // One spare slot: accumulate writes each pair's cell before it knows whether it is new.
            pairTouched = new int[cells + 1];
            counts = new int[cells];
            touched = new int[cells];
        }
    }

    /**
     * Counts every pair (p, p + shift) of non-zero pixels of {@code compact}, for p in
     * {@code objectAt[0..n)}, where 0 means "ignored" and c &gt; 0 is compact index c − 1.
     * {@code compact} is a plane with a margin of zeros wide enough that p + shift never leaves
     * it, and {@code objectAt} lists the object's pixels in raster order: the pairs are then
     * met in the order a scan of the whole plane would meet them.
     */
    void accumulate(int[] compact, int[] objectAt, int n, int shift) {
        clear();
        int[] m = pairs;
        int[] mTouched = pairTouched;
        int mCount = 0;
        // Each pair is counted once, one-sided; the symmetric matrix is formed below.
        for (int j = 0; j < n; j++) {
            int p = objectAt[j];
            int a = compact[p];
            if (a == 0) continue;
            int b = compact[p + shift];
            if (b == 0) continue;
            int cell = (a - 1) * size + (b - 1);
            // Branch-free first-touch record: which pairs are new is unpredictable.
            int before = m[cell]++;
            mTouched[mCount] = cell;
            mCount += before == 0 ? 1 : 0;
        }
        pairTouchedCount = mCount;
        // Adding (a,b) then (b,a) per pair, as mahotas' M + Mᵀ, first touches the symmetric
        // cells in this order: each one-sided cell in its first-touch order, then its mirror.
        // Keeping that order keeps every floating-point sum over the cells the same.
        for (int k = 0; k < mCount; k++) {
            int cell = mTouched[k];
            if (counts[cell] != 0) continue; // emitted with its mirror already
            int a = cell / size;
            int b = cell - a * size;
            int mirror = b * size + a;
            if (mirror == cell) {
                counts[cell] = 2 * m[cell];
                touched[touchedCount++] = cell;
            } else {
                int sum = m[cell] + m[mirror];
                counts[cell] = sum;
                counts[mirror] = sum;
                touched[touchedCount++] = cell;
                touched[touchedCount++] = mirror;
            }
        }
    }

    private void clear() {
        for (int i = 0; i < touchedCount; i++) {
            counts[touched[i]] = 0;
        }
        for (int i = 0; i < pairTouchedCount; i++) {
            pairs[pairTouched[i]] = 0;
        }
        touchedCount = 0;
        pairTouchedCount = 0;
        total = 0;
    }

    long total() {
        if (total == 0) {
            long t = 0;
            for (int i = 0; i < touchedCount; i++) t += counts[touched[i]];
            total = t;
        }
        return total;
    }

    int size() { return size; }
    int touchedCount() { return touchedCount; }
    int touchedCell(int i) { return touched[i]; }
    int count(int cell) { return counts[cell]; }
    int level(int compactIndex) { return levelOf[compactIndex]; }
}
