package org.cellactive.segmentation;

/**
 * The seeds of the h-maxima transform (scikit-image's {@code h_maxima}, CellProfiler's and
 * Fiji's "prominence"): the local maxima of a surface whose <i>dynamic</i> (how far one must
 * descend from it before reaching a higher maximum) is at least {@code h}. One pass over the
 * pixels from high to low with a union-find: where two regions meet, the one with the lower peak
 * ends there, and its peak is a seed when it rose at least {@code h} above the meeting level. The
 * highest peak of each connected region of the mask always survives. 8-connected.
 */
final class HMaxima {
    private HMaxima() {
    }

    /**
     * @param surface the values; only pixels of {@code mask} take part
     * @param order   the mask's pixels sorted from the highest surface value to the lowest (pixels
     *                of equal value in any order)
     * @param dynamic the smallest dynamic a seed needs
     * @param minPeak a seed's value must be at least this
     * @return 1 at each seed (one pixel per surviving maximum), else 0
     */
    static byte[] seeds(float[] surface, byte[] mask, int w, int h, int[] order, float dynamic,
                        float minPeak) {
        int n = w * h;
        int[] parent = new int[n];
        int[] peak = new int[n];
        java.util.Arrays.fill(parent, -1);
        byte[] seeds = new byte[n];
        for (int k = 0; k < order.length; k++) {
            int p = order[k];
            parent[p] = p;
            peak[p] = p;
            int px = p % w;
            int py = p / w;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = py + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = px + dx;
                    if ((dx == 0 && dy == 0) || nx < 0 || nx >= w) {
                        continue;
                    }
                    int q = ny * w + nx;
                    if (parent[q] < 0) {
                        continue;
                    }
                    int rp = find(parent, p);
                    int rq = find(parent, q);
                    if (rp == rq) {
                        continue;
                    }
                    // The region with the lower peak ends here.
                    int low = surface[peak[rp]] < surface[peak[rq]]
                            || (surface[peak[rp]] == surface[peak[rq]] && peak[rp] > peak[rq]) ? rp : rq;
                    int high = low == rp ? rq : rp;
                    float top = surface[peak[low]];
                    if (top - surface[p] >= dynamic && top >= minPeak) {
                        seeds[peak[low]] = 1;
                    }
                    parent[low] = high;
                }
            }
        }
        for (int k = 0; k < order.length; k++) {
            int p = order[k];
            if (parent[p] == p && surface[peak[p]] >= minPeak) {
                seeds[peak[p]] = 1;
            }
        }
        return seeds;
    }

    private static int find(int[] parent, int p) {
        while (parent[p] != p) {
            parent[p] = parent[parent[p]];
            p = parent[p];
        }
        return p;
    }
}
