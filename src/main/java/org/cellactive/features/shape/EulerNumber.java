package org.cellactive.features.shape;

/**
 * Objects minus holes, with 8-connected objects and 4-connected holes: what
 * scikit-image's {@code regionprops(...).euler_number} gives in 2-D
 * ({@code euler_number(image, connectivity=2)}).
 *
 * <p>Counted with Gray's bit quads: over every 2x2 window of the padded grid,
 * E = (Q1 - Q3 - 2 QD) / 4, where Q1 windows hold one object pixel, Q3 windows
 * three, and QD windows two on a diagonal. The padding ring means every window
 * that touches the object is counted.
 */
final class EulerNumber {
    private EulerNumber() {
    }

    /**
     * 4 x the Euler contribution of each 2x2 pattern, indexed by
     * top-left | top-right << 1 | bottom-left << 2 | bottom-right << 3.
     */
    private static final int[] QUAD_WEIGHT = new int[16];

    static {
        for (int code = 0; code < 16; code++) {
            int bits = Integer.bitCount(code);
            if (bits == 1) QUAD_WEIGHT[code] = 1;
            if (bits == 3) QUAD_WEIGHT[code] = -1;
            if (code == 0b1001 || code == 0b0110) QUAD_WEIGHT[code] = -2;
        }
    }

    static int of(PaddedObject object) {
        byte[] grid = object.grid();
        int w = object.gridWidth();
        int h = object.gridHeight();
        int total = 0;
        for (int y = 0; y < h - 1; y++) {
            int top = y * w;
            int bottom = top + w;
            // Slide the window right: the old right column becomes the new left column.
            int code = grid[top] | grid[bottom] << 2;
            for (int x = 1; x < w; x++) {
                code = (code >> 1 & 0b0101) | grid[top + x] << 1 | grid[bottom + x] << 3;
                total += QUAD_WEIGHT[code];
            }
        }
        return total / 4;
    }
}
