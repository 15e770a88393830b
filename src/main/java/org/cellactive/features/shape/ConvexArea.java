package org.cellactive.features.shape;

/**
 * scikit-image's {@code convex_area}: the number of pixels in
 * {@code convex_hull_image(object)}, i.e. the pixels whose centres lie inside or on
 * the hull of the object pixels' edge midpoints ({@link LatticeHull#ofPixelDiamonds}).
 *
 * <p>Counted exactly, row by row, in integer arithmetic: for the row at doubled
 * height Y, every hull edge that spans Y gives a crossing X (a fraction); the row
 * holds the pixels x with min(X) <= 2x <= max(X). Points on the hull boundary count,
 * as in scikit-image 0.19 and later ({@code include_borders=True}).
 */
final class ConvexArea {
    private ConvexArea() {
    }

    static int of(LatticeHull diamonds, int boxHeight) {
        int n = diamonds.size();
        int total = 0;
        for (int y = 0; y < boxHeight; y++) {
            long level = 2L * y;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                int j = i + 1 == n ? 0 : i + 1;
                long x1 = diamonds.x(i);
                long y1 = diamonds.y(i);
                long x2 = diamonds.x(j);
                long y2 = diamonds.y(j);
                if (level < Math.min(y1, y2) || level > Math.max(y1, y2)) continue;
                if (y1 == y2) {
                    first = Math.min(first, Math.min(ceilHalf(x1, 1), ceilHalf(x2, 1)));
                    last = Math.max(last, Math.max(Math.floorDiv(x1, 2), Math.floorDiv(x2, 2)));
                } else {
                    long den = y2 - y1;
                    long num = x1 * den + (level - y1) * (x2 - x1);
                    if (den < 0) {
                        den = -den;
                        num = -num;
                    }
                    // The crossing is num / den in doubled units; the pixel column is half of it.
                    first = Math.min(first, ceilHalf(num, den));
                    last = Math.max(last, Math.floorDiv(num, 2 * den));
                }
            }
            if (last >= first) total += (int) (last - first + 1);
        }
        return total;
    }

    /** ceil(num / (2 den)) for den > 0. */
    private static long ceilHalf(long num, long den) {
        return -Math.floorDiv(-num, 2 * den);
    }
}
