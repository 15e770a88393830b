package org.cellactive.features.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;

/**
 * Each fast algorithm against a slow, obviously correct one written independently
 * here, on seeded random blobs (holes, stray pixels, several lobes). Agreement is to
 * rounding: the fast versions are exact methods, not approximations.
 */
class BruteForceCrossCheckTest {
    private static final int BLOBS = 100;

    private static List<int[]> pixels(ObjectMask mask) {
        List<int[]> list = new ArrayList<>();
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.contains(x, y)) list.add(new int[] {x, y});
            }
        }
        return list;
    }

    private static ObjectMask blob(long seed) {
        // Up to 18 x 18: large enough for many-vertex hulls, small enough for O(n^3) checks.
        return ShapeMasks.blob(seed, 4 + (int) (seed % 15));
    }

    /** Squared distance from each object pixel to the nearest pixel outside the object (or the crop). */
    @Test
    void distanceTransformEqualsExhaustiveSearch() {
        for (long seed = 1; seed <= BLOBS; seed++) {
            ObjectMask mask = blob(seed);
            PaddedObject object = PaddedObject.of(mask);
            int[] fast = Radii.squaredDistances(object);
            for (int[] p : pixels(mask)) {
                int best = Integer.MAX_VALUE;
                for (int y = -1; y <= mask.height(); y++) {
                    for (int x = -1; x <= mask.width(); x++) {
                        if (mask.contains(x, y)) continue;
                        int d = (x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]);
                        if (d < best) best = d;
                    }
                }
                int gx = p[0] - object.boxX() + 1;
                int gy = p[1] - object.boxY() + 1;
                assertEquals(best, fast[gy * object.gridWidth() + gx], "seed " + seed + " at " + p[0] + "," + p[1]);
            }
        }
    }

    /**
     * The same on larger shapes (the transform's row envelopes then hold many parabolas,
     * and many are dropped) and on random noise (short runs, many holes, ties).
     */
    @Test
    void distanceTransformEqualsExhaustiveSearchOnLargeAndNoisyMasks() {
        java.util.Random random = new java.util.Random(20261126L);
        List<ObjectMask> masks = new ArrayList<>();
        masks.add(ShapeMasks.disk(61, 61, 30.0, 30.0, 29.5));
        masks.add(ShapeMasks.disk(50, 41, 24.3, 19.8, 27.0));
        masks.add(ShapeMasks.ellipse(70, 50, 35.0, 25.0, 33.0, 12.0, 27.0));
        for (int k = 0; k < 12; k++) {
            int width = 5 + random.nextInt(45);
            int height = 5 + random.nextInt(45);
            double density = 0.5 + 0.45 * random.nextDouble();
            boolean[] inside = new boolean[width * height];
            for (int i = 0; i < inside.length; i++) inside[i] = random.nextDouble() < density;
            masks.add(new ObjectMask(width, height, inside));
        }
        for (int n = 0; n < masks.size(); n++) {
            ObjectMask mask = masks.get(n);
            PaddedObject object = PaddedObject.of(mask);
            int[] fast = Radii.squaredDistances(object);
            for (int[] p : pixels(mask)) {
                int gx = p[0] - object.boxX() + 1;
                int gy = p[1] - object.boxY() + 1;
                assertEquals(exhaustiveSquaredDistance(mask, p[0], p[1]), fast[gy * object.gridWidth() + gx],
                        "mask " + n + " at " + p[0] + "," + p[1]);
            }
        }
    }

    /** Random pixels at a random density in a crop of random size up to maxSide, never empty. */
    private static ObjectMask noise(java.util.Random random, int maxSide) {
        int width = 1 + random.nextInt(maxSide);
        int height = 1 + random.nextInt(maxSide);
        double density = 0.2 + 0.75 * random.nextDouble();
        boolean[] inside = new boolean[width * height];
        for (int i = 0; i < inside.length; i++) inside[i] = random.nextDouble() < density;
        inside[random.nextInt(inside.length)] = true;
        return new ObjectMask(width, height, inside);
    }

    private static int exhaustiveSquaredDistance(ObjectMask mask, int px, int py) {
        int best = Integer.MAX_VALUE;
        for (int y = -1; y <= mask.height(); y++) {
            for (int x = -1; x <= mask.width(); x++) {
                if (mask.contains(x, y)) continue;
                int d = (x - px) * (x - px) + (y - py) * (y - py);
                if (d < best) best = d;
            }
        }
        return best;
    }

    /**
     * Euler number against Gray's bit quads counted literally, window by window with the
     * pattern table, over the crop padded by one pixel: on the blobs and on random noise
     * of varied density (many objects and holes, wide and narrow crops).
     */
    @Test
    void eulerNumberEqualsLiteralBitQuads() {
        java.util.Random random = new java.util.Random(20261127L);
        List<ObjectMask> masks = new ArrayList<>();
        for (long seed = 1; seed <= BLOBS; seed++) masks.add(blob(seed));
        for (int k = 0; k < 60; k++) masks.add(noise(random, k < 20 ? 6 : 60));
        for (int n = 0; n < masks.size(); n++) {
            ObjectMask mask = masks.get(n);
            int q1 = 0;
            int q3 = 0;
            int qd = 0;
            for (int y = -1; y < mask.height(); y++) {
                for (int x = -1; x < mask.width(); x++) {
                    boolean a = mask.contains(x, y);
                    boolean b = mask.contains(x + 1, y);
                    boolean c = mask.contains(x, y + 1);
                    boolean d = mask.contains(x + 1, y + 1);
                    int count = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0);
                    if (count == 1) q1++;
                    if (count == 3) q3++;
                    if (count == 2 && a == d) qd++;
                }
            }
            assertEquals((q1 - q3 - 2 * qd) / 4, EulerNumber.of(PaddedObject.of(mask)), "mask " + n);
        }
    }

    /**
     * Max Feret: the largest distance over all pixel pairs. Min Feret: the hull's
     * narrowest strip has a side through two hull vertices, which are pixel centres,
     * so the minimum over all pixel pairs of the strip width normal to that pair is it.
     */
    @Test
    void feretDiametersEqualExhaustiveSearch() {
        for (long seed = 1; seed <= BLOBS; seed++) {
            ObjectMask mask = blob(seed);
            List<int[]> px = pixels(mask);
            double max = 0.0;
            double min = px.size() == 1 ? 0.0 : Double.POSITIVE_INFINITY;
            for (int i = 0; i < px.size(); i++) {
                for (int j = i + 1; j < px.size(); j++) {
                    double dx = px.get(j)[0] - px.get(i)[0];
                    double dy = px.get(j)[1] - px.get(i)[1];
                    double length = Math.hypot(dx, dy);
                    max = Math.max(max, length);
                    double low = Double.POSITIVE_INFINITY;
                    double high = Double.NEGATIVE_INFINITY;
                    for (int[] p : px) {
                        double across = ((p[0] - px.get(i)[0]) * dy - (p[1] - px.get(i)[1]) * dx) / length;
                        low = Math.min(low, across);
                        high = Math.max(high, across);
                    }
                    min = Math.min(min, high - low);
                }
            }
            FeretDiameters fast = FeretDiameters.of(LatticeHull.ofPixelCentres(PaddedObject.of(mask)));
            assertEquals(max, fast.max(), 1e-9, "max, seed " + seed);
            assertEquals(min, fast.min(), 1e-9, "min, seed " + seed);
        }
    }

    /**
     * Brute-force hull: a pair of edge midpoints (a, b) is a hull edge when no midpoint
     * lies to its right. A pixel centre is in the hull (border included) when it lies
     * to no hull edge's right. Done in doubled integer coordinates.
     */
    @Test
    void convexAreaEqualsHalfPlaneMembership() {
        for (long seed = 1; seed <= BLOBS; seed++) {
            ObjectMask mask = blob(seed);
            // Neighbouring pixels share edge midpoints: keep each once.
            java.util.Set<List<Long>> unique = new java.util.LinkedHashSet<>();
            for (int[] p : pixels(mask)) {
                long x = 2L * p[0];
                long y = 2L * p[1];
                unique.add(List.of(x - 1, y));
                unique.add(List.of(x + 1, y));
                unique.add(List.of(x, y - 1));
                unique.add(List.of(x, y + 1));
            }
            List<long[]> mids = new ArrayList<>();
            for (List<Long> m : unique) mids.add(new long[] {m.get(0), m.get(1)});
            List<long[][]> edges = new ArrayList<>();
            for (long[] a : mids) {
                for (long[] b : mids) {
                    if (a[0] == b[0] && a[1] == b[1]) continue;
                    boolean hull = true;
                    for (long[] p : mids) {
                        if (side(a, b, p[0], p[1]) < 0) {
                            hull = false;
                            break;
                        }
                    }
                    if (hull) edges.add(new long[][] {a, b});
                }
            }
            int count = 0;
            for (int y = 0; y < mask.height(); y++) {
                for (int x = 0; x < mask.width(); x++) {
                    boolean inside = true;
                    for (long[][] e : edges) {
                        if (side(e[0], e[1], 2L * x, 2L * y) < 0) {
                            inside = false;
                            break;
                        }
                    }
                    if (inside) count++;
                }
            }
            PaddedObject object = PaddedObject.of(mask);
            assertEquals(count, ConvexArea.of(LatticeHull.ofPixelDiamonds(object), object.boxHeight()), "seed " + seed);
        }
    }

    private static long side(long[] p, long[] q, long x, long y) {
        return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
    }

    /** The smallest circle through 2 or 3 of the pixel centres that holds them all. */
    @Test
    void enclosingCircleEqualsSmallestCandidate() {
        for (long seed = 1; seed <= 60; seed++) {
            ObjectMask mask = ShapeMasks.blob(seed, 4 + (int) (seed % 12));
            List<int[]> px = pixels(mask);
            double best = px.size() == 1 ? 0.0 : Double.POSITIVE_INFINITY;
            for (int i = 0; i < px.size(); i++) {
                for (int j = i + 1; j < px.size(); j++) {
                    double cx = (px.get(i)[0] + px.get(j)[0]) / 2.0;
                    double cy = (px.get(i)[1] + px.get(j)[1]) / 2.0;
                    double r = Math.hypot(px.get(i)[0] - cx, px.get(i)[1] - cy);
                    if (r < best && holdsAll(px, cx, cy, r)) best = r;
                    for (int k = j + 1; k < px.size(); k++) {
                        double[] c = circumcircle(px.get(i), px.get(j), px.get(k));
                        if (c != null && c[2] < best && holdsAll(px, c[0], c[1], c[2])) best = c[2];
                    }
                }
            }
            EnclosingCircle circle = EnclosingCircle.of(LatticeHull.ofPixelCentres(PaddedObject.of(mask)));
            assertEquals(best, circle.radius(), 1e-9, "seed " + seed);
            assertEquals(true, holdsAll(px, circle.centerX() + PaddedObject.of(mask).boxX(),
                    circle.centerY() + PaddedObject.of(mask).boxY(), circle.radius()), "seed " + seed);
        }
    }

    private static boolean holdsAll(List<int[]> px, double cx, double cy, double r) {
        for (int[] p : px) {
            if (Math.hypot(p[0] - cx, p[1] - cy) > r + 1e-9) return false;
        }
        return true;
    }

    private static double[] circumcircle(int[] a, int[] b, int[] c) {
        double d = 2.0 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
        if (d == 0) return null;
        double a2 = a[0] * a[0] + a[1] * a[1];
        double b2 = b[0] * b[0] + b[1] * b[1];
        double c2 = c[0] * c[0] + c[1] * c[1];
        double ux = (a2 * (b[1] - c[1]) + b2 * (c[1] - a[1]) + c2 * (a[1] - b[1])) / d;
        double uy = (a2 * (c[0] - b[0]) + b2 * (a[0] - c[0]) + c2 * (b[0] - a[0])) / d;
        return new double[] {ux, uy, Math.hypot(a[0] - ux, a[1] - uy)};
    }

    /**
     * scikit-image's perimeter written the way numpy runs it: erode the whole crop with
     * the cross (outside the crop is 0), subtract, convolve the border image with
     * [[10,2,10],[2,1,2],[10,2,10]] everywhere, then sum the weights of all codes.
     */
    @Test
    void perimeterEqualsLiteralConvolution() {
        for (long seed = 1; seed <= BLOBS; seed++) {
            ObjectMask mask = blob(seed);
            double expected = LiteralPerimeter.of(mask);
            assertEquals(expected, FourNeighbourPerimeter.of(PaddedObject.of(mask)), 1e-9, "seed " + seed);
        }
        // Noise: many short runs and holes; narrow crops take the cell-by-cell tails.
        java.util.Random random = new java.util.Random(20261128L);
        for (int k = 0; k < 60; k++) {
            ObjectMask mask = noise(random, k < 20 ? 6 : 60);
            assertEquals(LiteralPerimeter.of(mask), FourNeighbourPerimeter.of(PaddedObject.of(mask)), 1e-9, "noise " + k);
        }
    }
}
