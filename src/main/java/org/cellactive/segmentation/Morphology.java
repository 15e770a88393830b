package org.cellactive.segmentation;

/** Growth of labelled objects into the pixels around them. */
final class Morphology {
    private Morphology() {
    }

    /**
     * Each labelled object takes the unlabelled pixels within {@code r} steps (8-connected) of it,
     * one ring at a time; a pixel two objects reach in the same step goes to the first in row-major
     * order of scanning, so objects never merge.
     */
    static void grow(int[] labels, int w, int h, int r) {
        for (int step = 0; step < r; step++) {
            int[] before = labels.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (before[i] != 0) {
                        continue;
                    }
                    int found = 0;
                    for (int dy = -1; dy <= 1 && found == 0; dy++) {
                        int ny = y + dy;
                        if (ny < 0 || ny >= h) continue;
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            if (nx >= 0 && nx < w && before[ny * w + nx] > 0) {
                                found = before[ny * w + nx];
                                break;
                            }
                        }
                    }
                    labels[i] = found;
                }
            }
        }
    }
}
