package org.cellactive.segmentation;

/** Labels of the 8-connected components of a mask: 1, 2, ... in row-major order of their first pixel. */
final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /**
     * @param labels filled with each pixel's component label, 0 for background
     * @return the number of components
     */
    static int label(byte[] mask, int w, int h, int[] labels) {
        java.util.Arrays.fill(labels, 0, w * h, 0);
        int[] stack = new int[w * h];
        int next = 0;
        for (int p = 0; p < w * h; p++) {
            if (mask[p] == 0 || labels[p] != 0) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = p;
            labels[p] = next;
            while (top > 0) {
                int q = stack[--top];
                int qx = q % w;
                int qy = q / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = qy + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = qx + dx;
                        if (nx < 0 || nx >= w) {
                            continue;
                        }
                        int s = ny * w + nx;
                        if (mask[s] != 0 && labels[s] == 0) {
                            labels[s] = next;
                            stack[top++] = s;
                        }
                    }
                }
            }
        }
        return next;
    }

    /**
     * Background pixels not 4-connected to the image border become foreground
     * ({@code scipy.ndimage.binary_fill_holes}, which CellProfiler applies after thresholding).
     */
    static void fillHoles(byte[] mask, int w, int h) {
        byte[] outside = new byte[w * h];
        int[] stack = new int[w * h];
        int top = 0;
        for (int x = 0; x < w; x++) {
            top = seed(mask, outside, stack, top, x);
            top = seed(mask, outside, stack, top, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            top = seed(mask, outside, stack, top, y * w);
            top = seed(mask, outside, stack, top, y * w + w - 1);
        }
        while (top > 0) {
            int q = stack[--top];
            int x = q % w;
            if (x > 0) top = seed(mask, outside, stack, top, q - 1);
            if (x < w - 1) top = seed(mask, outside, stack, top, q + 1);
            if (q >= w) top = seed(mask, outside, stack, top, q - w);
            if (q < (h - 1) * w) top = seed(mask, outside, stack, top, q + w);
        }
        for (int p = 0; p < w * h; p++) {
            if (outside[p] == 0) {
                mask[p] = 1;
            }
        }
    }

    private static int seed(byte[] mask, byte[] outside, int[] stack, int top, int p) {
        if (mask[p] == 0 && outside[p] == 0) {
            outside[p] = 1;
            stack[top++] = p;
        }
        return top;
    }
}
