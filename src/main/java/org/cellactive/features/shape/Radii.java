package org.cellactive.features.shape;

/**
 * Maximum, mean and median of the Euclidean distance from each object pixel to the
 * nearest background pixel (centre to centre; outside the crop is background), as
 * CellProfiler computes them with {@code scipy.ndimage.distance_transform_edt} on
 * the object image padded by one pixel. A pixel touching the background by an edge
 * is at distance 1. The median of an even count is the mean of the two middle
 * values, as {@code centrosome.cpmorphology.median_of_labels}.
 *
 * <p>The transform is Meijster, Roerdink and Hesselink's exact linear-time
 * algorithm (2000): a vertical pass gives each cell's distance to the nearest
 * background cell in its column, then a horizontal pass takes the lower envelope of
 * parabolas, in integer arithmetic throughout.
 *
 * @param max the largest distance, in pixels
 * @param mean the mean distance over object pixels
 * @param median the median distance over object pixels
 */
record Radii(double max, double mean, double median) {

    static Radii of(PaddedObject object) {
        int[] squared = squaredDistances(object);
        byte[] grid = object.grid();
        int largest = 0;
        for (int i = 0; i < grid.length; i++) {
            if (grid[i] != 0 && squared[i] > largest) largest = squared[i];
        }
        // Squared distances are small integers: a histogram sorts them in one pass.
        int[] histogram = new int[largest + 1];
        for (int i = 0; i < grid.length; i++) {
            if (grid[i] != 0) histogram[squared[i]]++;
        }
        int count = object.area();
        int lowRank = (count - 1) / 2;
        int highRank = count / 2;
        int lowValue = -1;
        int highValue = -1;
        double sum = 0.0;
        int seen = 0;
        for (int v = 1; v <= largest; v++) {
            int k = histogram[v];
            if (k == 0) continue;
            sum += k * Math.sqrt(v);
            if (lowValue < 0 && seen + k > lowRank) lowValue = v;
            if (highValue < 0 && seen + k > highRank) highValue = v;
            seen += k;
        }
        double median = (Math.sqrt(lowValue) + Math.sqrt(highValue)) / 2.0;
        return new Radii(Math.sqrt(largest), sum / count, median);
    }

    /** Squared distance to the nearest background cell, for every grid cell (0 on background). */
    static int[] squaredDistances(PaddedObject object) {
        byte[] grid = object.grid();
        int w = object.gridWidth();
        int h = object.gridHeight();
        int[] column = new int[grid.length];
        // Vertical pass: the padding ring guarantees background at both ends of every column.
        for (int x = 0; x < w; x++) {
            for (int y = 1; y < h; y++) {
                int i = y * w + x;
                column[i] = grid[i] == 0 ? 0 : column[i - w] + 1;
            }
            for (int y = h - 2; y >= 0; y--) {
                int i = y * w + x;
                int below = column[i + w] + 1;
                if (below < column[i]) column[i] = below;
            }
        }
        int[] result = new int[grid.length];
        int[] g2 = new int[w];
        int[] s = new int[w];
        int[] t = new int[w];
        for (int y = 1; y < h - 1; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int g = column[row + x];
                g2[x] = g * g;
            }
            int q = 0;
            s[0] = 0;
            t[0] = 0;
            for (int u = 1; u < w; u++) {
                while (q >= 0 && parabola(t[q], s[q], g2) > parabola(t[q], u, g2)) q--;
                if (q < 0) {
                    q = 0;
                    s[0] = u;
                } else {
                    int sq = s[q];
                    int sep = Math.floorDiv(u * u - sq * sq + g2[u] - g2[sq], 2 * (u - sq));
                    int start = 1 + sep;
                    if (start < w) {
                        q++;
                        s[q] = u;
                        t[q] = start;
                    }
                }
            }
            for (int u = w - 1; u >= 0; u--) {
                result[row + u] = parabola(u, s[q], g2);
                if (u == t[q]) q--;
            }
        }
        return result;
    }

    private static int parabola(int x, int i, int[] g2) {
        int d = x - i;
        return d * d + g2[i];
    }
}
