package org.cellactive.segmentation;

/**
 * The seeded watershed CellProfiler runs after finding seeds: every foreground pixel joins the
 * seed whose flood reaches it first, flooding from low to high {@code level} (a priority flood with
 * one bucket per level, so it costs a constant per pixel). 8-connected. Ties go to the pixel
 * queued first.
 */
final class SeededWatershed {
    private SeededWatershed() {
    }

    /**
     * @param labels seeds on entry (label > 0, else 0); on return every foreground pixel reached
     *               from a seed holds that seed's label
     * @param level  each pixel's flooding level, 0..levels-1
     * @param mask   foreground pixels (the flood never leaves them)
     */
    static void flood(int[] labels, int[] level, int levels, byte[] mask, int w, int h) {
        int n = w * h;
        // One first-in first-out list per level, linked through next[].
        int[] head = new int[levels];
        int[] tail = new int[levels];
        java.util.Arrays.fill(head, -1);
        int[] next = new int[n];
        int queued = 0;
        for (int p = 0; p < n; p++) {
            if (labels[p] > 0) {
                append(head, tail, next, level[p], p);
                queued++;
            }
        }
        int current = 0;
        while (queued > 0) {
            while (head[current] < 0) {
                current++;
            }
            int p = head[current];
            head[current] = next[p];
            queued--;
            int px = p % w;
            int py = p / w;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = py + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = px + dx;
                    if (nx < 0 || nx >= w) {
                        continue;
                    }
                    int q = ny * w + nx;
                    if (mask[q] != 0 && labels[q] == 0) {
                        labels[q] = labels[p];
                        // A pixel lower than the flood's level waits at that level: it cannot be
                        // taken before the pixels already queued there.
                        append(head, tail, next, Math.max(level[q], current), q);
                        queued++;
                    }
                }
            }
        }
    }

    private static void append(int[] head, int[] tail, int[] next, int l, int p) {
        next[p] = -1;
        if (head[l] < 0) {
            head[l] = p;
        } else {
            next[tail[l]] = p;
        }
        tail[l] = p;
    }
}
