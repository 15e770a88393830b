package org.cellactive.features.shape;

import java.util.Arrays;

/**
 * A convex polygon with integer vertices, in order around the hull, no three
 * vertices collinear. A hull of one point has one vertex, a hull of collinear
 * points two.
 *
 * <p>Two hulls are built from an object. {@link #ofPixelCentres} is the hull of the
 * object's pixel centres in local coordinates: what CellProfiler's
 * {@code convex_hull_ijv} feeds to the Feret diameters and the minimum enclosing
 * circle. {@link #ofPixelDiamonds} is the hull scikit-image's
 * {@code convex_hull_image} builds: the hull of the midpoints of every object
 * pixel's four edges (a "diamond" around each centre). Those midpoints sit on
 * half-pixels, so that hull is stored in doubled coordinates (X = 2x, Y = 2y) to
 * stay exact.
 *
 * <p>Both hulls need only each row's extreme pixels: every other pixel of a row,
 * with its diamond, lies between the row's two extremes.
 */
final class LatticeHull {
    private final int[] xs;
    private final int[] ys;
    private final int size;

    private LatticeHull(int[] xs, int[] ys, int size) {
        this.xs = xs;
        this.ys = ys;
        this.size = size;
    }

    int size() { return size; }
    int x(int i) { return xs[i]; }
    int y(int i) { return ys[i]; }

    /** The hull of the object's pixel centres, in local pixel coordinates. */
    static LatticeHull ofPixelCentres(PaddedObject object) {
        int rows = object.boxHeight();
        int[] px = new int[2 * rows];
        int[] py = new int[2 * rows];
        int n = 0;
        for (int y = 0; y < rows; y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            int right = object.rowRight(y);
            px[n] = left;
            py[n++] = y;
            if (right != left) {
                px[n] = right;
                py[n++] = y;
            }
        }
        return fromSorted(px, py, n);
    }

    /**
     * The hull of the midpoints of the object pixels' edges, in doubled local
     * coordinates: pixel (x, y) has centre (2x, 2y) and edge midpoints
     * (2x ± 1, 2y) and (2x, 2y ± 1).
     */
    static LatticeHull ofPixelDiamonds(PaddedObject object) {
        int rows = object.boxHeight();
        int levels = 2 * rows + 1;
        int[] px = new int[2 * levels];
        int[] py = new int[2 * levels];
        int n = 0;
        for (int level = -1; level <= 2 * rows - 1; level++) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            if ((level & 1) == 0) {
                int y = level / 2;
                int left = object.rowLeft(y);
                if (left >= 0) {
                    min = 2 * left - 1;
                    max = 2 * object.rowRight(y) + 1;
                }
            } else {
                // Odd levels are the edges between row (level-1)/2 and the row below it.
                int above = (level - 1) / 2;
                for (int y = above; y <= above + 1; y++) {
                    if (y < 0 || y >= rows || object.rowLeft(y) < 0) continue;
                    min = Math.min(min, 2 * object.rowLeft(y));
                    max = Math.max(max, 2 * object.rowRight(y));
                }
            }
            if (max == Integer.MIN_VALUE) continue;
            px[n] = min;
            py[n++] = level;
            if (max != min) {
                px[n] = max;
                py[n++] = level;
            }
        }
        return fromSorted(px, py, n);
    }

    /**
     * Andrew's monotone chain over points sorted by (y, x), all distinct. Collinear
     * points are dropped ({@code <= 0} pops them).
     */
    static LatticeHull fromSorted(int[] px, int[] py, int n) {
        if (n <= 2) {
            return new LatticeHull(Arrays.copyOf(px, n), Arrays.copyOf(py, n), n);
        }
        int[] hx = new int[2 * n];
        int[] hy = new int[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && turn(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], px[i], py[i]) <= 0) k--;
            hx[k] = px[i];
            hy[k++] = py[i];
        }
        int lower = k + 1;
        for (int i = n - 2; i >= 0; i--) {
            while (k >= lower && turn(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], px[i], py[i]) <= 0) k--;
            hx[k] = px[i];
            hy[k++] = py[i];
        }
        k--; // the last vertex repeats the first
        return new LatticeHull(hx, hy, k);
    }

    /**
     * Cross product of (a - o) and (b - o) with the axes swapped, because the points
     * are sorted by y first: positive means a left turn in the (y, x) frame.
     */
    private static long turn(int ox, int oy, int ax, int ay, int bx, int by) {
        return (long) (ay - oy) * (bx - ox) - (long) (ax - ox) * (by - oy);
    }
}
