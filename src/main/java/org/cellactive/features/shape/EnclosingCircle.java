package org.cellactive.features.shape;

/**
 * The smallest circle holding every vertex of a hull (and so every point of the
 * object it came from), by Welzl's incremental algorithm. The visiting order is
 * shuffled with a fixed seed, which keeps the expected linear time and makes the
 * result repeat exactly. CellProfiler (centrosome's {@code minimum_enclosing_circle})
 * computes the same circle on the hull of the pixel centres, with Chrystal's
 * algorithm; the circle is unique, so only rounding can differ.
 *
 * @param centerX centre x, in the hull's coordinates
 * @param centerY centre y, in the hull's coordinates
 * @param radius the radius, 0 for a one-point hull
 */
record EnclosingCircle(double centerX, double centerY, double radius) {
    /** Relative slack for "on the circle", far above rounding and far below a pixel. */
    private static final double SLACK = 1e-12;

    static EnclosingCircle of(LatticeHull hull) {
        int n = hull.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = hull.x(i);
            ys[i] = hull.y(i);
        }
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = n - 1; i > 0; i--) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int j = (int) ((seed >>> 33) % (i + 1));
            double tx = xs[i];
            xs[i] = xs[j];
            xs[j] = tx;
            double ty = ys[i];
            ys[i] = ys[j];
            ys[j] = ty;
        }
        double cx = xs[0];
        double cy = ys[0];
        double r2 = 0.0;
        for (int i = 1; i < n; i++) {
            if (inside(xs[i], ys[i], cx, cy, r2)) continue;
            cx = xs[i];
            cy = ys[i];
            r2 = 0.0;
            for (int j = 0; j < i; j++) {
                if (inside(xs[j], ys[j], cx, cy, r2)) continue;
                cx = (xs[i] + xs[j]) / 2.0;
                cy = (ys[i] + ys[j]) / 2.0;
                r2 = squared(xs[i] - cx, ys[i] - cy);
                for (int k = 0; k < j; k++) {
                    if (inside(xs[k], ys[k], cx, cy, r2)) continue;
                    double[] c = circumcentre(xs[i], ys[i], xs[j], ys[j], xs[k], ys[k]);
                    cx = c[0];
                    cy = c[1];
                    r2 = squared(xs[i] - cx, ys[i] - cy);
                }
            }
        }
        return new EnclosingCircle(cx, cy, Math.sqrt(r2));
    }

    private static boolean inside(double x, double y, double cx, double cy, double r2) {
        return squared(x - cx, y - cy) <= r2 * (1.0 + SLACK) + SLACK;
    }

    private static double squared(double dx, double dy) {
        return dx * dx + dy * dy;
    }

    /** Circumcentre of three points that are not collinear (distinct strict-hull vertices). */
    private static double[] circumcentre(double ax, double ay, double bx, double by, double cx, double cy) {
        double bxr = bx - ax;
        double byr = by - ay;
        double cxr = cx - ax;
        double cyr = cy - ay;
        double d = 2.0 * (bxr * cyr - byr * cxr);
        double b2 = bxr * bxr + byr * byr;
        double c2 = cxr * cxr + cyr * cyr;
        return new double[] {ax + (cyr * b2 - byr * c2) / d, ay + (bxr * c2 - cxr * b2) / d};
    }
}
