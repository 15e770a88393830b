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
            pairTouched = new int[cells];
            counts = new int[cells];
            touched = new int[cells];
        }
    }

    /** Counts every pair (p, p + (dy, dx)) of non-zero pixels of {@code compact}, where 0 means "ignored" and c &gt; 0 is compact index c − 1. */
    void accumulate(int[] compact, int width, int height, int dy, int dx) {
        clear();
        int yFrom = Math.max(0, -dy);
        int yTo = Math.min(height, height - dy);
        int xFrom = Math.max(0, -dx);
        int xTo = Math.min(width, width - dx);
        int shift = dy * width + dx;
        int[] m = pairs;
        int[] mTouched = pairTouched;
        int mCount = 0;
        // Each pair is counted once, one-sided; the symmetric matrix is formed below.
        for (int y = yFrom; y < yTo; y++) {
            int row = y * width;
            for (int x = xFrom; x < xTo; x++) {
                int a = compact[row + x];
                if (a == 0) continue;
                int b = compact[row + x + shift];
                if (b == 0) continue;
                int cell = (a - 1) * size + (b - 1);
                if (m[cell]++ == 0) {
                    mTouched[mCount++] = cell;
                }
            }
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
