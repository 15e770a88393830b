package org.cellactive.features.texture;

/**
 * A symmetric grey-level co-occurrence matrix held sparsely, as mahotas builds it for
 * {@code haralick(..., ignore_zeros=True)}: pairs where either pixel is 0 are dropped, and
 * the matrix is M + Mᵀ, so a pair of equal levels adds 2 to the diagonal.
 *
 * <p>Only grey levels present in the object get a row ("compact" index), and only touched
 * cells are visited and cleared, so a cell costs its pixel pairs, not 256².
 * Mutable scratch space: one instance per call, never shared.
 */
final class CooccurrenceMatrix {
    private final int[] levelOf;
    private final int size;
    private final int[] counts;
    private final int[] touched;
    private int touchedCount;
    private long total;

    /** @param levelOf the grey level of each compact index, ascending, all &gt; 0 */
    CooccurrenceMatrix(int[] levelOf) {
        this.levelOf = levelOf;
        this.size = levelOf.length;
        this.counts = new int[Math.max(1, size * size)];
        this.touched = new int[Math.max(1, size * size)];
    }

    /** Counts every pair (p, p + (dy, dx)) of non-zero pixels of {@code compact}, where 0 means "ignored" and c &gt; 0 is compact index c − 1. */
    void accumulate(int[] compact, int width, int height, int dy, int dx) {
        clear();
        int yFrom = Math.max(0, -dy);
        int yTo = Math.min(height, height - dy);
        int xFrom = Math.max(0, -dx);
        int xTo = Math.min(width, width - dx);
        int shift = dy * width + dx;
        for (int y = yFrom; y < yTo; y++) {
            int row = y * width;
            for (int x = xFrom; x < xTo; x++) {
                int a = compact[row + x];
                if (a == 0) continue;
                int b = compact[row + x + shift];
                if (b == 0) continue;
                add((a - 1) * size + (b - 1));
                add((b - 1) * size + (a - 1));
            }
        }
    }

    private void add(int cell) {
        if (counts[cell]++ == 0) {
            touched[touchedCount++] = cell;
        }
    }

    private void clear() {
        for (int i = 0; i < touchedCount; i++) {
            counts[touched[i]] = 0;
        }
        touchedCount = 0;
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
