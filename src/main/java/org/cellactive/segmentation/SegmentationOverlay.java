package org.cellactive.segmentation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.cellactive.imaging.RgbImage;

/**
 * The image with the outline of every object found drawn on it, as PNG, for a person to check a
 * segmentation: stained objects (white cells, platelets) in green, the others in yellow, and,
 * when given, true boxes in red.
 */
public final class SegmentationOverlay {
    private static final int STAINED = 0x00e000;
    private static final int OTHER = 0xffe000;
    private static final int TRUTH = 0xff2020;

    private SegmentationOverlay() {
    }

    /**
     * @param shrink 1 for the image's size, 2 for half (smaller files for pages)
     * @param truth  boxes to draw as rectangles, or an empty list
     */
    public static byte[] png(RgbImage image, ImageSegmenter.Segmentation s, List<LabelledBox> truth, int shrink) {
        int w = image.width() / shrink;
        int h = image.height() / shrink;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.rgbAt(x * shrink, y * shrink));
            }
        }
        int[] labels = s.labels();
        int lw = s.width();
        int lh = s.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int lx = Math.min(lw - 1, x * shrink / s.bin());
                int ly = Math.min(lh - 1, y * shrink / s.bin());
                int l = labels[ly * lw + lx];
                if (l > 0 && onEdge(labels, lw, lh, x * shrink, y * shrink, s.bin(), shrink, l)) {
                    out.setRGB(x, y, s.objects().get(l - 1).stained() ? STAINED : OTHER);
                }
            }
        }
        for (LabelledBox b : truth) {
            rectangle(out, (b.xmin() - 1) / shrink, (b.ymin() - 1) / shrink, (b.xmax() - 1) / shrink,
                    (b.ymax() - 1) / shrink);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** True when a neighbour one output pixel away lies in another label (or outside). */
    private static boolean onEdge(int[] labels, int lw, int lh, int x, int y, int bin, int shrink, int l) {
        int[][] steps = {{-shrink, 0}, {shrink, 0}, {0, -shrink}, {0, shrink}};
        for (int[] d : steps) {
            int nx = (x + d[0]) / bin;
            int ny = (y + d[1]) / bin;
            if (x + d[0] < 0 || y + d[1] < 0 || nx >= lw || ny >= lh || labels[ny * lw + nx] != l) {
                return true;
            }
        }
        return false;
    }

    private static void rectangle(BufferedImage out, int x0, int y0, int x1, int y1) {
        int w = out.getWidth();
        int h = out.getHeight();
        for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
            if (y0 >= 0 && y0 < h) out.setRGB(x, y0, TRUTH);
            if (y1 >= 0 && y1 < h) out.setRGB(x, y1, TRUTH);
        }
        for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
            if (x0 >= 0 && x0 < w) out.setRGB(x0, y, TRUTH);
            if (x1 >= 0 && x1 < w) out.setRGB(x1, y, TRUTH);
        }
    }
}
