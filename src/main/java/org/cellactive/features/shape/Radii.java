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
        int count = object.area();
        // Gather the object's values once; squared distances are small integers, so a
        // histogram then sorts them in one pass.
        int[] values = new int[count];
        int largest = 0;
        int k = 0;
        int w = object.gridWidth();
        for (int y = 0; y < object.boxHeight(); y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            int row = (y + 1) * w + 1;
            for (int i = row + left, end = row + object.rowRight(y); i <= end; i++) {
                if (grid[i] != 0) {
                    int v = squared[i];
                    values[k++] = v;
                    if (v > largest) largest = v;
                }
            }
        }
        int[] histogram = new int[largest + 1];
        for (int v : values) histogram[v]++;
        int lowRank = (count - 1) / 2;
        int highRank = count / 2;
        int lowValue = -1;
        int highValue = -1;
        double sum = 0.0;
        int seen = 0;
        for (int v = 1; v <= largest; v++) {
            int n = histogram[v];
            if (n == 0) continue;
            sum += n * Math.sqrt(v);
            if (lowValue < 0 && seen + n > lowRank) lowValue = v;
            if (highValue < 0 && seen + n > highRank) highValue = v;
            seen += n;
        }
        double median = (Math.sqrt(lowValue) + Math.sqrt(highValue)) / 2.0;
        return new Radii(Math.sqrt(largest), sum / count, median);
    }

    /**
     * Squared distance to the nearest background cell for every object cell of the
     * grid (other cells hold 0 or partial values: read object cells only).
     */
    static int[] squaredDistances(PaddedObject object) {
        byte[] grid = object.grid();
        int w = object.gridWidth();
        int h = object.gridHeight();
        // Vertical pass, row by row for memory order: distance to the nearest background
        // cell in the same column. The padding ring holds background at both ends.
        int[] column = new int[grid.length];
        for (int i = w; i < grid.length; i++) {
            column[i] = grid[i] == 0 ? 0 : column[i - w] + 1;
        }
        for (int i = grid.length - w - 1; i >= 0; i--) {
            int below = column[i + w] + 1;
            if (below < column[i]) column[i] = below;
        }
        int[] result = new int[grid.length];
        int[] g2 = new int[w];
        int[] s = new int[w];
        int[] t = new int[w];
        for (int y = 0; y < object.boxHeight(); y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            // Grid columns left .. right + 2 span the row's object cells and the
            // background cell on each side; a background cell farther out is never
            // nearer than those two.
            int first = left;
            int last = object.rowRight(y) + 2;
            int m = last - first + 1;
            int row = (y + 1) * w + first;
            for (int x = 0; x < m; x++) {
                int g = column[row + x];
                g2[x] = g * g;
            }
            int q = 0;
            s[0] = 0;
            t[0] = 0;
            for (int u = 1; u < m; u++) {
                while (q >= 0 && parabola(t[q], s[q], g2) > parabola(t[q], u, g2)) q--;
                if (q < 0) {
                    q = 0;
                    s[0] = u;
                } else {
                    int sq = s[q];
                    int sep = Math.floorDiv(u * u - sq * sq + g2[u] - g2[sq], 2 * (u - sq));
                    int start = 1 + sep;
                    if (start < m) {
                        q++;
                        s[q] = u;
                        t[q] = start;
                    }
                }
            }
            for (int u = m - 1; u >= 0; u--) {
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
