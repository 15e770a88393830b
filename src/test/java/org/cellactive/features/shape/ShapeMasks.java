package org.cellactive.features.shape;

import java.util.Random;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;

/** Synthetic object masks with known geometry, for the shape tests. */
final class ShapeMasks {
    private ShapeMasks() {
    }

    /** A mask drawn as text rows: '#' is object, anything else background. */
    static ObjectMask parse(String... rows) {
        int height = rows.length;
        int width = rows[0].length();
        boolean[] inside = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                inside[y * width + x] = rows[y].charAt(x) == '#';
            }
        }
        return new ObjectMask(width, height, inside);
    }

    /** Pixels whose centres lie in the disk of radius r around (cx, cy). */
    static ObjectMask disk(int width, int height, double cx, double cy, double r) {
        return ellipse(width, height, cx, cy, r, r, 0.0);
    }

    /**
     * Pixels whose centres lie in the ellipse with semi-axes a (major) and b around
     * (cx, cy), its major axis turned by {@code degrees} from the image's vertical
     * (rows) axis towards +x, i.e. along (sin t, cos t): this project's Orientation
     * convention, so the expected Orientation is {@code degrees}.
     */
    static ObjectMask ellipse(int width, int height, double cx, double cy, double a, double b, double degrees) {
        double t = Math.toRadians(degrees);
        // Snap exact zeros so axis-aligned ellipses stay exactly symmetric.
        double ux = Math.abs(Math.sin(t)) < 1e-12 ? 0.0 : Math.sin(t);
        double uy = Math.abs(Math.cos(t)) < 1e-12 ? 0.0 : Math.cos(t);
        boolean[] inside = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - cx;
                double dy = y - cy;
                double along = dx * ux + dy * uy;
                double across = -dx * uy + dy * ux;
                inside[y * width + x] = (along * along) / (a * a) + (across * across) / (b * b) <= 1.0;
            }
        }
        return new ObjectMask(width, height, inside);
    }

    /** A filled axis-aligned rectangle [x0, x1) x [y0, y1). */
    static boolean[] rectangle(boolean[] inside, int width, int x0, int y0, int x1, int y1, boolean value) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                inside[y * width + x] = value;
            }
        }
        return inside;
    }

    /** A random 8-connected-ish blob: a few overlapping random disks, seeded. */
    static ObjectMask blob(long seed, int size) {
        Random random = new Random(seed);
        boolean[] inside = new boolean[size * size];
        double cx = size / 2.0;
        double cy = size / 2.0;
        int disks = 1 + random.nextInt(4);
        for (int k = 0; k < disks; k++) {
            double r = 1 + random.nextDouble() * size / 4.0;
            double x0 = cx + (random.nextDouble() - 0.5) * size / 2.0;
            double y0 = cy + (random.nextDouble() - 0.5) * size / 2.0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if ((x - x0) * (x - x0) + (y - y0) * (y - y0) <= r * r) inside[y * size + x] = true;
                }
            }
        }
        // Sprinkle a few holes and stray pixels so hulls and transforms see odd cases.
        for (int k = 0; k < size / 3; k++) {
            inside[random.nextInt(inside.length)] = random.nextBoolean();
        }
        inside[(size / 2) * size + size / 2] = true;
        return new ObjectMask(size, size, inside);
    }

    /** A blank image of the mask's size; AreaShape reads only the mask. */
    static CellImage blankFor(ObjectMask mask) {
        return CellImage.ofGray(mask.width(), mask.height(), new float[mask.width() * mask.height()]);
    }

    /** Rotates a mask by 90 degrees: (x, y) goes to (height - 1 - y, x). */
    static ObjectMask rotate90(ObjectMask mask) {
        int w = mask.width();
        int h = mask.height();
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int nx = h - 1 - y;
                int ny = x;
                out[ny * h + nx] = mask.inside()[y * w + x];
            }
        }
        return new ObjectMask(h, w, out);
    }

    /** Mirrors a mask left to right. */
    static ObjectMask mirror(ObjectMask mask) {
        int w = mask.width();
        int h = mask.height();
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + (w - 1 - x)] = mask.inside()[y * w + x];
            }
        }
        return new ObjectMask(w, h, out);
    }
}
