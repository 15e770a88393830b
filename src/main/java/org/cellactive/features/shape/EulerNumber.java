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

    static int of(PaddedObject object) {
        byte[] grid = object.grid();
        int w = object.gridWidth();
        int h = object.gridHeight();
        int q1 = 0;
        int q3 = 0;
        int qd = 0;
        for (int y = 0; y < h - 1; y++) {
            int row = y * w;
            for (int i = row; i < row + w - 1; i++) {
                int a = grid[i];
                int b = grid[i + 1];
                int c = grid[i + w];
                int d = grid[i + w + 1];
                int sum = a + b + c + d;
                if (sum == 1) {
                    q1++;
                } else if (sum == 3) {
                    q3++;
                } else if (sum == 2 && a == d) {
                    qd++;
                }
            }
        }
        return (q1 - q3 - 2 * qd) / 4;
    }
}
