package org.cellactive.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shape model of the red cells of one image, applied after the watershed: red cells of one
 * smear are discs of about one size, so the image's objects say what one cell looks like, and an
 * object far from that is corrected.
 *
 * <ol>
 *   <li><b>The typical cell.</b> The median area of the objects that are convex (solidity, area
 *       over convex-hull area, at least {@link #TYPICAL_SOLIDITY}), not cut by the border, and not
 *       smaller than the smallest diameter: a lone, whole red cell.</li>
 *   <li><b>Fragments merged.</b> Two touching objects whose union has a convex hull no larger than
 *       {@link #MERGE_HULL} typical cells, and a box no more elongated than {@link #MERGE_ASPECT},
 *       are one cell that the watershed cut: a cell with a pale centre open to the background (a
 *       "C") has several distance peaks along its rim. Pairs are merged smallest union hull first, each object once a round, for up to
 *       {@link #MERGE_ROUNDS} rounds.</li>
 *   <li><b>Clumps split by size.</b> An object of area at least {@link #SPLIT_MIN} typical cells is
 *       k = round(area / typical) overlapping cells: its pixels are split among k centres by
 *       k-means (Lloyd) on their coordinates, started deterministically at the highest points of
 *       the distance map at least a cell's radius apart. Overlapping discs of one size have no
 *       second distance peak when they overlap deeply, but their pixels still fall into k groups.</li>
 * </ol>
 *
 * Labels are 1..count on entry and on return (renumbered, in row-major order of first pixel).
 */
final class ShapeRefinement {
    /** Solidity of the objects the typical cell is measured on. */
    static final double TYPICAL_SOLIDITY = 0.8;
    /** Fewest such objects for the model to be trusted; fewer, and nothing changes. */
    static final int TYPICAL_MIN_COUNT = 3;
    /** Largest convex hull of two merged fragments, in typical cells' hull areas. */
    static final double MERGE_HULL = 1.2;
    /** Longest side over shortest of the merged pair's box. */
    static final double MERGE_ASPECT = 1.35;
    /** Most rounds of merging. */
    static final int MERGE_ROUNDS = 3;
    /** Smallest area (in typical cells) an object is split at. */
    static final double SPLIT_MIN = 1.5;
    /** Most parts an object is split into. */
    static final int SPLIT_MAX = 6;
    private static final int LLOYD_ITERATIONS = 10;

    private ShapeRefinement() {
    }

    /**
     * @param labels  objects 1..count, 0 elsewhere; changed in place
     * @param surface the smoothed distance map the seeds were found on
     * @param minArea the smallest object kept later, in binned pixels
     * @return the new number of objects
     */
    static int apply(int[] labels, int count, float[] surface, int w, int h, double minArea) {
        if (count == 0) {
            return 0;
        }
        Stats s = Stats.of(labels, count, w, h);
        List<Double> areas = new ArrayList<>();
        List<Double> hulls = new ArrayList<>();
        for (int l = 1; l <= count; l++) {
            if (s.area[l] >= minArea && !s.border[l]) {
                double hull = s.hullArea(l);
                if (s.area[l] >= TYPICAL_SOLIDITY * hull) {
                    areas.add((double) s.area[l]);
                    hulls.add(hull);
                }
            }
        }
        if (areas.size() < TYPICAL_MIN_COUNT) {
            return count;
        }
        double typical = median(areas);
        double typicalHull = median(hulls);
        int[] map = new int[count + 1];
        for (int l = 0; l <= count; l++) {
            map[l] = l;
        }
        // Each round merges a label at most once; a cell cut in three takes two rounds.
        for (int round = 0; round < MERGE_ROUNDS && merge(labels, s, w, h, MERGE_HULL * typicalHull, map); round++) {
        }
        int next = split(labels, s, surface, w, h, typical, map, count);
        return renumber(labels, next);
    }

    /** Merges touching pairs whose union is one typical disc; {@code map} sends merged labels to their survivor. */
    private static boolean merge(int[] labels, Stats s, int w, int h, double maxHull, int[] map) {
        int count = s.count;
        // Touching pairs (8-neighbours, looking right and down), each once.
        long[] pairs = new long[64];
        int np = 0;
        int[] dxs = {1, -1, 0, 1};
        int[] dys = {0, 1, 1, 1};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = labels[y * w + x];
                if (a == 0) {
                    continue;
                }
                for (int o = 0; o < 4; o++) {
                    int nx = x + dxs[o];
                    int ny = y + dys[o];
                    if (nx < 0 || nx >= w || ny >= h) {
                        continue;
                    }
                    int b = labels[ny * w + nx];
                    if (b != 0 && b != a) {
                        if (np == pairs.length) {
                            pairs = Arrays.copyOf(pairs, 2 * np);
                        }
                        pairs[np++] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                    }
                }
            }
        }
        Arrays.sort(pairs, 0, np);
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            long p = pairs[i];
            if (i > 0 && pairs[i - 1] == p) {
                continue;
            }
            int a = (int) (p >>> 32);
            int b = (int) p;
            double hull = s.unionHullArea(a, b);
            if (hull > maxHull) {
                continue;
            }
            int x0 = Math.min(s.x0[a], s.x0[b]);
            int x1 = Math.max(s.x1[a], s.x1[b]);
            int y0 = Math.min(s.y0[a], s.y0[b]);
            int y1 = Math.max(s.y1[a], s.y1[b]);
            double bw = x1 - x0 + 1;
            double bh = y1 - y0 + 1;
            if (Math.max(bw, bh) > MERGE_ASPECT * Math.min(bw, bh)) {
                continue;
            }
            candidates.add(new double[] {hull, a, b});
        }
        candidates.sort((u, v) -> u[0] != v[0] ? Double.compare(u[0], v[0])
                : u[1] != v[1] ? Double.compare(u[1], v[1]) : Double.compare(u[2], v[2]));
        boolean[] used = new boolean[count + 1];
        boolean merged = false;
        for (double[] c : candidates) {
            int a = (int) c[1];
            int b = (int) c[2];
            if (used[a] || used[b]) {
                continue;
            }
            used[a] = true;
            used[b] = true;
            map[b] = a;
            s.absorb(a, b);
            merged = true;
        }
        if (merged) {
            for (int i = 0; i < labels.length; i++) {
                labels[i] = map[labels[i]];
            }
        }
        return merged;
    }

    /** Splits objects of k >= 2 typical areas into k parts; new labels from count + 1; returns the highest label. */
    private static int split(int[] labels, Stats s, float[] surface, int w, int h, double typical, int[] map,
                             int count) {
        int next = count;
        double radius = Math.sqrt(typical / Math.PI);
        // Pixels of each label, by a counting sort.
        int[] start = new int[count + 2];
        for (int label : labels) {
            if (label > 0) {
                start[label + 1]++;
            }
        }
        for (int l = 0; l <= count; l++) {
            start[l + 1] += start[l];
        }
        int[] fill = Arrays.copyOf(start, count + 2);
        int[] pixels = new int[start[count + 1]];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 0) {
                pixels[fill[labels[i]]++] = i;
            }
        }
        for (int l = 1; l <= count; l++) {
            if (map[l] != l) {
                continue;
            }
            int area = start[l + 1] - start[l];
            if (area < SPLIT_MIN * typical) {
                continue;
            }
            int k = Math.min(SPLIT_MAX, Math.max(2, (int) Math.round(area / typical)));
            int[] part = kMeans(pixels, start[l], start[l + 1], surface, w, k, radius);
            int parts = 0;
            for (int p : part) {
                parts = Math.max(parts, p + 1);
            }
            for (int j = start[l]; j < start[l + 1]; j++) {
                int p = part[j - start[l]];
                labels[pixels[j]] = p == 0 ? l : next + p;
            }
            next += parts - 1;
        }
        return next;
    }

    /** Parts 0..k-1 of the pixels {@code pixels[from..to)}. */
    static int[] kMeans(int[] pixels, int from, int to, float[] surface, int w, int k, double radius) {
        int n = to - from;
        // Start: the highest distance points, each at least a cell radius from those chosen (ties: the
        // first pixel in row-major order).
        double[] cx = new double[k];
        double[] cy = new double[k];
        int chosen = 0;
        while (chosen < k) {
            int best = -1;
            for (int j = from; j < to; j++) {
                int p = pixels[j];
                if (best >= 0 && (surface[p] < surface[best] || (surface[p] == surface[best] && p > best))) {
                    continue;
                }
                double x = p % w;
                double y = p / w;
                boolean far = true;
                for (int c = 0; c < chosen && far; c++) {
                    far = (x - cx[c]) * (x - cx[c]) + (y - cy[c]) * (y - cy[c]) >= radius * radius;
                }
                if (far) {
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            cx[chosen] = best % w;
            cy[chosen] = best / w;
            chosen++;
        }
        k = chosen;
        int[] part = new int[n];
        double[] sx = new double[k];
        double[] sy = new double[k];
        int[] sn = new int[k];
        for (int it = 0; it <= LLOYD_ITERATIONS; it++) {
            Arrays.fill(sx, 0);
            Arrays.fill(sy, 0);
            Arrays.fill(sn, 0);
            for (int j = 0; j < n; j++) {
                int p = pixels[from + j];
                double x = p % w;
                double y = p / w;
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = (x - cx[c]) * (x - cx[c]) + (y - cy[c]) * (y - cy[c]);
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                part[j] = best;
                sx[best] += x;
                sy[best] += y;
                sn[best]++;
            }
            for (int c = 0; c < k; c++) {
                if (sn[c] > 0) {
                    cx[c] = sx[c] / sn[c];
                    cy[c] = sy[c] / sn[c];
                }
            }
        }
        // Parts numbered 0.. without gaps (a centre may have lost all its pixels).
        int[] renum = new int[k];
        Arrays.fill(renum, -1);
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (renum[part[j]] < 0) {
                renum[part[j]] = m++;
            }
            part[j] = renum[part[j]];
        }
        return part;
    }

    private static int renumber(int[] labels, int highest) {
        int[] to = new int[highest + 1];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0) {
                if (to[l] == 0) {
                    to[l] = ++k;
                }
                labels[i] = to[l];
            }
        }
        return k;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** Per label: area, box, border contact, and each row's leftmost and rightmost pixel (for convex hulls). */
    static final class Stats {
        final int count;
        final int[] area;
        final int[] x0;
        final int[] y0;
        final int[] x1;
        final int[] y1;
        final boolean[] border;
        /** Row extents, per label, indexed from y0: [leftmost, rightmost], or MAX/-1 when the row is empty. */
        final int[][] left;
        final int[][] right;

        private Stats(int count) {
            this.count = count;
            area = new int[count + 1];
            x0 = new int[count + 1];
            y0 = new int[count + 1];
            x1 = new int[count + 1];
            y1 = new int[count + 1];
            border = new boolean[count + 1];
            left = new int[count + 1][];
            right = new int[count + 1][];
        }

        static Stats of(int[] labels, int count, int w, int h) {
            Stats s = new Stats(count);
            Arrays.fill(s.x0, Integer.MAX_VALUE);
            Arrays.fill(s.y0, Integer.MAX_VALUE);
            Arrays.fill(s.x1, -1);
            Arrays.fill(s.y1, -1);
            for (int y = 0, i = 0; y < h; y++) {
                for (int x = 0; x < w; x++, i++) {
                    int l = labels[i];
                    if (l <= 0) {
                        continue;
                    }
                    s.area[l]++;
                    if (x < s.x0[l]) s.x0[l] = x;
                    if (x > s.x1[l]) s.x1[l] = x;
                    if (y < s.y0[l]) s.y0[l] = y;
                    if (y > s.y1[l]) s.y1[l] = y;
                    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                        s.border[l] = true;
                    }
                }
            }
            for (int l = 1; l <= count; l++) {
                if (s.area[l] > 0) {
                    int rows = s.y1[l] - s.y0[l] + 1;
                    s.left[l] = new int[rows];
                    s.right[l] = new int[rows];
                    Arrays.fill(s.left[l], Integer.MAX_VALUE);
                    Arrays.fill(s.right[l], -1);
                }
            }
            for (int y = 0, i = 0; y < h; y++) {
                for (int x = 0; x < w; x++, i++) {
                    int l = labels[i];
                    if (l <= 0) {
                        continue;
                    }
                    int r = y - s.y0[l];
                    if (x < s.left[l][r]) s.left[l][r] = x;
                    if (x > s.right[l][r]) s.right[l][r] = x;
                }
            }
            return s;
        }

        double hullArea(int l) {
            return Hull.area(left[l], right[l], y0[l]);
        }

        double unionHullArea(int a, int b) {
            Rows u = union(a, b);
            return Hull.area(u.lo, u.hi, u.y0);
        }

        /** Each row's extent over labels a and b together, from the upper of their first rows. */
        private Rows union(int a, int b) {
            int ya = Math.min(y0[a], y0[b]);
            int yb = Math.max(y1[a], y1[b]);
            int[] lo = new int[yb - ya + 1];
            int[] hi = new int[yb - ya + 1];
            Arrays.fill(lo, Integer.MAX_VALUE);
            Arrays.fill(hi, -1);
            put(a, ya, lo, hi);
            put(b, ya, lo, hi);
            return new Rows(ya, yb, lo, hi);
        }

        private record Rows(int y0, int y1, int[] lo, int[] hi) {
        }

        private void put(int l, int ya, int[] lo, int[] hi) {
            for (int r = 0; r < left[l].length; r++) {
                int i = r + y0[l] - ya;
                lo[i] = Math.min(lo[i], left[l][r]);
                hi[i] = Math.max(hi[i], right[l][r]);
            }
        }

        /** Label a takes b's pixels. */
        void absorb(int a, int b) {
            Rows u = union(a, b);
            left[a] = u.lo;
            right[a] = u.hi;
            area[a] += area[b];
            x0[a] = Math.min(x0[a], x0[b]);
            x1[a] = Math.max(x1[a], x1[b]);
            y0[a] = u.y0;
            y1[a] = u.y1;
            border[a] |= border[b];
            area[b] = 0;
        }
    }

    /** Convex hull area of pixel squares given by each row's extent (Andrew's monotone chain). */
    static final class Hull {
        private Hull() {
        }

        /** Rows from {@code y0}; a row with {@code right < left} is empty. Pixel (x, y) is the square [x, x+1] x [y, y+1]. */
        static double area(int[] left, int[] right, int y0) {
            int rows = left.length;
            long[] px = new long[4 * rows];
            long[] py = new long[4 * rows];
            int n = 0;
            // Points sorted by x then y are needed; collect, then sort.
            for (int r = 0; r < rows; r++) {
                if (right[r] < left[r]) {
                    continue;
                }
                int y = y0 + r;
                px[n] = left[r]; py[n++] = y;
                px[n] = left[r]; py[n++] = y + 1;
                px[n] = right[r] + 1; py[n++] = y;
                px[n] = right[r] + 1; py[n++] = y + 1;
            }
            if (n == 0) {
                return 0;
            }
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (px[i] << 32) | (py[i] & 0xffffffffL);
            }
            Arrays.sort(keys);
            long[] hx = new long[2 * n];
            long[] hy = new long[2 * n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                long x = keys[i] >> 32;
                long y = (int) keys[i];
                while (k >= 2 && cross(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], x, y) <= 0) {
                    k--;
                }
                hx[k] = x;
                hy[k++] = y;
            }
            for (int i = n - 2, t = k + 1; i >= 0; i--) {
                long x = keys[i] >> 32;
                long y = (int) keys[i];
                while (k >= t && cross(hx[k - 2], hy[k - 2], hx[k - 1], hy[k - 1], x, y) <= 0) {
                    k--;
                }
                hx[k] = x;
                hy[k++] = y;
            }
            long twice = 0;
            for (int i = 0; i < k - 1; i++) {
                twice += hx[i] * hy[i + 1] - hx[i + 1] * hy[i];
            }
            return Math.abs(twice) / 2.0;
        }

        private static long cross(long ox, long oy, long ax, long ay, long bx, long by) {
            return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
        }
    }
}
