package org.cellactive.features.shape;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.ScratchArrays;

/**
 * One object's bounding box, copied into a grid with one ring of background
 * around it, plus the per-row extents and raw moment sums every shape measurement
 * starts from.
 *
 * <p>The ring stands for "everything outside the object", including the space
 * outside the crop: CellProfiler pads its object images the same way before the
 * distance transform, and scikit-image's erosion uses a zero border. With the ring,
 * every object cell has all eight neighbours inside the grid, so the loops need no
 * bounds checks.
 *
 * <p>Coordinates: "local" x, y are relative to the box corner ({@link #boxX()},
 * {@link #boxY()}) in crop pixels; grid index of local (x, y) is
 * {@code (y + 1) * gridWidth + x + 1}.
 */
final class PaddedObject {
    private final int boxX;
    private final int boxY;
    private final int boxWidth;
    private final int boxHeight;
    private final int gridWidth;
    private final int gridHeight;
    private final byte[] grid;
    private final int[] rowLeft;
    private final int[] rowRight;
    private final int area;
    private final long sumX;
    private final long sumY;
    private final long sumXX;
    private final long sumYY;
    private final long sumXY;

    private PaddedObject(int boxX, int boxY, int boxWidth, int boxHeight, byte[] grid,
                         int[] rowLeft, int[] rowRight, int area,
                         long sumX, long sumY, long sumXX, long sumYY, long sumXY) {
        this.boxX = boxX;
        this.boxY = boxY;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.gridWidth = boxWidth + 2;
        this.gridHeight = boxHeight + 2;
        this.grid = grid;
        this.rowLeft = rowLeft;
        this.rowRight = rowRight;
        this.area = area;
        this.sumX = sumX;
        this.sumY = sumY;
        this.sumXX = sumXX;
        this.sumYY = sumYY;
        this.sumXY = sumXY;
    }

    /**
     * A grid (or a grid-sized array such as the perimeter's border marks) read and written eight
     * cells at a time, as little-endian longs: byte k of a long is cell i + k. Cells hold 0 or 1,
     * so byte-wise AND, NOT and small sums need no carries (SWAR, "SIMD within a register").
     */
    static final VarHandle EIGHT_CELLS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Per-thread work array: each mask row's first and last object x. */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(1, 0, 0, 0));

    /** Copies the mask's object; fails if the mask holds no object pixel. */
    static PaddedObject of(ObjectMask mask) {
        int width = mask.width();
        int height = mask.height();
        boolean[] inside = mask.inside();
        // Each row's first and last object x (first = -1 for an empty row), found by
        // walking in from both ends: the object's inside is never scanned.
        int[] span = SCRATCH.get().ints(0, 2 * height);
        int minX = width;
        int maxX = -1;
        int minY = height;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = 0;
            while (first < width && !inside[row + first]) first++;
            if (first == width) {
                span[2 * y] = -1;
                continue;
            }
            int last = width - 1;
            while (!inside[row + last]) last--;
            span[2 * y] = first;
            span[2 * y + 1] = last;
            if (minY > y) minY = y;
            maxY = y;
            if (first < minX) minX = first;
            if (last > maxX) maxX = last;
        }
        if (maxX < 0) {
            throw new IllegalArgumentException("mask " + width + "x" + height + " holds no object pixel");
        }
        int boxWidth = maxX - minX + 1;
        int boxHeight = maxY - minY + 1;
        int gridWidth = boxWidth + 2;
        byte[] grid = new byte[gridWidth * (boxHeight + 2)];
        int[] rowLeft = new int[boxHeight];
        int[] rowRight = new int[boxHeight];
        int area = 0;
        long sumX = 0, sumY = 0, sumXX = 0, sumYY = 0, sumXY = 0;
        for (int ly = 0; ly < boxHeight; ly++) {
            int y = ly + minY;
            if (span[2 * y] < 0) {
                rowLeft[ly] = -1;
                rowRight[ly] = -1;
                continue;
            }
            int left = span[2 * y] - minX;
            int right = span[2 * y + 1] - minX;
            rowLeft[ly] = left;
            rowRight[ly] = right;
            int src = y * width + minX;
            int dst = (ly + 1) * gridWidth + 1;
            long rowCount = 0, rowSumX = 0, rowSumXX = 0;
            // Runs of object cells: the cells left .. right start and end with one.
            int x = left;
            while (x <= right) {
                int start = x;
                while (x <= right && inside[src + x]) x++;
                java.util.Arrays.fill(grid, dst + start, dst + x, (byte) 1);
                // Exact integer sums of the run's x and x^2 in closed form.
                rowCount += x - start;
                rowSumX += sumBelow(x) - sumBelow(start);
                rowSumXX += sumOfSquaresBelow(x) - sumOfSquaresBelow(start);
                while (x <= right && !inside[src + x]) x++;
            }
            area += (int) rowCount;
            sumX += rowSumX;
            sumXX += rowSumXX;
            sumY += rowCount * ly;
            sumYY += rowCount * ly * ly;
            sumXY += rowSumX * ly;
        }
        return new PaddedObject(minX, minY, boxWidth, boxHeight, grid, rowLeft, rowRight,
                area, sumX, sumY, sumXX, sumYY, sumXY);
    }

    /** 0 + 1 + ... + (n - 1). */
    private static long sumBelow(long n) {
        return n * (n - 1) / 2;
    }

    /** 0^2 + 1^2 + ... + (n - 1)^2. */
    private static long sumOfSquaresBelow(long n) {
        return (n - 1) * n * (2 * n - 1) / 6;
    }

    int boxX() { return boxX; }
    int boxY() { return boxY; }
    int boxWidth() { return boxWidth; }
    int boxHeight() { return boxHeight; }
    int gridWidth() { return gridWidth; }
    int gridHeight() { return gridHeight; }
    /** 1 for object cells, 0 for background; shared, not copied. */
    byte[] grid() { return grid; }
    /** Leftmost object x of local row y, or -1 for an empty row. */
    int rowLeft(int y) { return rowLeft[y]; }
    /** Rightmost object x of local row y, or -1 for an empty row. */
    int rowRight(int y) { return rowRight[y]; }
    int area() { return area; }
    long sumX() { return sumX; }
    long sumY() { return sumY; }
    long sumXX() { return sumXX; }
    long sumYY() { return sumYY; }
    long sumXY() { return sumXY; }
}
