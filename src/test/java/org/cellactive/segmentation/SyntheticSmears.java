package org.cellactive.segmentation;

import org.cellactive.imaging.RgbImage;

/** Small painted images with known cells, for the segmentation tests. */
final class SyntheticSmears {
    /** A pale background, as BCCD's. */
    static final int BACKGROUND = 0xdcd8d4;
    /** A red cell's colour: darker in green, no more blue than green. */
    static final int RED_CELL = 0xc8948c;
    /** A red cell on a slide stained towards lilac: blue 28 levels above green. */
    static final int LILAC_RED_CELL = 0xb48ca8;
    /** A stained nucleus: purple, blue far above green. */
    static final int NUCLEUS = 0x7848c8;
    /** A white cell's cytoplasm: pale lilac, blue some way above green. */
    static final int CYTOPLASM = 0xc8a8d8;

    private final int w;
    private final int h;
    private final int[] rgb;

    SyntheticSmears(int w, int h) {
        this.w = w;
        this.h = h;
        this.rgb = new int[w * h];
        java.util.Arrays.fill(rgb, BACKGROUND);
    }

    SyntheticSmears disc(double cx, double cy, double r, int colour) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    rgb[y * w + x] = colour;
                }
            }
        }
        return this;
    }

    /** An axis-aligned ellipse with half-axes {@code rx}, {@code ry}. */
    SyntheticSmears ellipse(double cx, double cy, double rx, double ry, int colour) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x - cx) / rx;
                double v = (y - cy) / ry;
                if (u * u + v * v <= 1) {
                    rgb[y * w + x] = colour;
                }
            }
        }
        return this;
    }

    RgbImage image() {
        byte[] bytes = new byte[3 * w * h];
        for (int i = 0; i < w * h; i++) {
            bytes[3 * i] = (byte) (rgb[i] >> 16);
            bytes[3 * i + 1] = (byte) (rgb[i] >> 8);
            bytes[3 * i + 2] = (byte) rgb[i];
        }
        return RgbImage.of(w, h, bytes);
    }
}
