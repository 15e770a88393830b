package org.cellactive.features.shape;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.cellactive.imaging.ObjectMask;

/**
 * Test-only cell masks from BCCD boxes: an Otsu threshold for dark pixels on the
 * crop's gray (mean of R, G, B) and the largest 8-connected component, holes kept.
 * Deliberately simpler than the project's segmentation: the tests and the benchmark
 * need real cell shapes, not the project's choice of object.
 */
final class BccdCells {
    private BccdCells() {
    }

    /**
     * The mask of the cell in a VOC box (xmin, ymin, xmax, ymax, 1-based inclusive)
     * of a BCCD image under {@code root} (the folder holding BCCD/).
     */
    static ObjectMask mask(File root, String image, int[] box) throws IOException {
        return mask(ImageIO.read(imageFile(root, image)), box);
    }

    static File imageFile(File root, String image) throws IOException {
        File file = new File(root, "BCCD/JPEGImages/" + image + ".jpg");
        if (!file.isFile()) throw new IOException("BCCD image missing: " + file);
        return file;
    }

    static ObjectMask mask(BufferedImage img, int[] box) {
        int x0 = box[0] - 1;
        int y0 = box[1] - 1;
        int w = Math.min(box[2], img.getWidth()) - x0;
        int h = Math.min(box[3], img.getHeight()) - y0;
        int[] gray = new int[w * h];
        int[] histogram = new int[256];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x0 + x, y0 + y);
                int g = (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)) / 3;
                gray[y * w + x] = g;
                histogram[g]++;
            }
        }
        int threshold = otsu(histogram, w * h);
        boolean[] dark = new boolean[w * h];
        for (int i = 0; i < dark.length; i++) dark[i] = gray[i] <= threshold;
        return new ObjectMask(w, h, largestComponent(dark, w, h));
    }

    private static int otsu(int[] histogram, int total) {
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += i * (double) histogram[i];
        double sumBelow = 0;
        int below = 0;
        double best = -1;
        int threshold = 0;
        for (int t = 0; t < 256; t++) {
            below += histogram[t];
            if (below == 0) continue;
            int above = total - below;
            if (above == 0) break;
            sumBelow += t * (double) histogram[t];
            double diff = sumBelow / below - (sum - sumBelow) / above;
            double between = (double) below * above * diff * diff;
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    private static boolean[] largestComponent(boolean[] on, int w, int h) {
        int[] label = labels(on, w, h, true);
        int[] sizes = new int[w * h + 1];
        for (int l : label) if (l > 0) sizes[l]++;
        int best = 1;
        for (int l = 1; l < sizes.length; l++) if (sizes[l] > sizes[best]) best = l;
        boolean[] out = new boolean[w * h];
        for (int i = 0; i < out.length; i++) out[i] = label[i] == best;
        return out;
    }

    /** Connected-component labels of the true pixels, 8- or 4-connected; 0 elsewhere. */
    static int[] labels(boolean[] on, int w, int h, boolean eight) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        int next = 0;
        for (int s = 0; s < on.length; s++) {
            if (!on[s] || label[s] != 0) continue;
            label[s] = ++next;
            int top = 0;
            stack[top++] = s;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) continue;
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                        int q = yy * w + xx;
                        if (on[q] && label[q] == 0) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
        }
        return label;
    }
}
