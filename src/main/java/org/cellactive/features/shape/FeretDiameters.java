package org.cellactive.features.shape;

/**
 * Maximum and minimum Feret (caliper) diameters of an object, from the convex hull
 * of its pixel centres, as CellProfiler's {@code centrosome.cpmorphology.feret_diameter}.
 *
 * <p>Rotating calipers: for each hull edge, the antipodal vertex (farthest from the
 * edge's line) advances monotonically around the hull. The minimum Feret diameter is
 * the smallest such edge-to-vertex distance (the narrowest strip holding the hull);
 * the maximum is the largest distance among the antipodal vertex pairs visited. A
 * hull of one point has both diameters 0; a hull of two points has width 0.
 *
 * @param max the largest distance between two pixel centres, in pixels
 * @param min the smallest width of the object across any direction, in pixels
 */
record FeretDiameters(double max, double min) {

    static FeretDiameters of(LatticeHull hull) {
        int n = hull.size();
        if (n == 1) {
            return new FeretDiameters(0.0, 0.0);
        }
        if (n == 2) {
            return new FeretDiameters(distance(hull, 0, 1), 0.0);
        }
        double maxSquared = 0.0;
        double minWidth = Double.POSITIVE_INFINITY;
        int j = 1;
        for (int i = 0; i < n; i++) {
            int next = i + 1 == n ? 0 : i + 1;
            long ex = hull.x(next) - hull.x(i);
            long ey = hull.y(next) - hull.y(i);
            while (true) {
                int after = j + 1 == n ? 0 : j + 1;
                if (Math.abs(cross(hull, i, ex, ey, after)) > Math.abs(cross(hull, i, ex, ey, j))) {
                    j = after;
                } else {
                    break;
                }
            }
            double width = Math.abs(cross(hull, i, ex, ey, j)) / Math.sqrt((double) (ex * ex + ey * ey));
            minWidth = Math.min(minWidth, width);
            int afterJ = j + 1 == n ? 0 : j + 1;
            // Parallel edges have two antipodal vertices: check both against both ends.
            maxSquared = Math.max(maxSquared, Math.max(
                    Math.max(squared(hull, i, j), squared(hull, next, j)),
                    Math.max(squared(hull, i, afterJ), squared(hull, next, afterJ))));
        }
        return new FeretDiameters(Math.sqrt(maxSquared), minWidth);
    }

    private static long cross(LatticeHull hull, int i, long ex, long ey, int k) {
        return ex * (hull.y(k) - hull.y(i)) - ey * (hull.x(k) - hull.x(i));
    }

    private static double squared(LatticeHull hull, int a, int b) {
        long dx = hull.x(a) - hull.x(b);
        long dy = hull.y(a) - hull.y(b);
        return (double) (dx * dx + dy * dy);
    }

    private static double distance(LatticeHull hull, int a, int b) {
        return Math.sqrt(squared(hull, a, b));
    }
}
