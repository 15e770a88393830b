package org.cellactive.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Paints cells onto a smear background, straight into a {@code TYPE_3BYTE_BGR} buffer.
 * Colours were picked by eye from BCCD: a pale cream background, pink red cells with a paler
 * centre, white cells with a pale cytoplasm and a lobed purple nucleus, small purple platelets.
 * Edges are blended over one pixel so thresholds see a smooth step, as in a real photograph.
 */
final class SmearPainter {
    private static final double[] BACKGROUND = {226, 222, 212};
    private static final double[] RBC = {202, 148, 150};
    private static final double[] RBC_CENTRE = {222, 190, 188};
    private static final double[] CYTOPLASM = {206, 178, 200};
    private static final double[] NUCLEUS = {112, 88, 196};
    private static final double[] PLATELET = {140, 105, 175};

    private final int width;
    private final int height;
    private final double[] r;
    private final double[] g;
    private final double[] b;

    SmearPainter(int width, int height, Random random) {
        this.width = width;
        this.height = height;
        int n = width * height;
        r = new double[n];
        g = new double[n];
        b = new double[n];
        // A gentle illumination gradient, as under a microscope lamp.
        double tiltX = (random.nextDouble() - 0.5) * 16 / width;
        double tiltY = (random.nextDouble() - 0.5) * 16 / height;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                double shade = tiltX * (x - width / 2.0) + tiltY * (y - height / 2.0);
                r[i] = BACKGROUND[0] + shade;
                g[i] = BACKGROUND[1] + shade;
                b[i] = BACKGROUND[2] + shade;
            }
        }
    }

    void paint(SyntheticCell cell, Random random) {
        switch (cell.kind()) {
            case RBC:
                disk(cell.centreX(), cell.centreY(), cell.radius(), RBC, 0.9);
                disk(cell.centreX(), cell.centreY(), cell.radius() * (0.35 + 0.15 * random.nextDouble()),
                        RBC_CENTRE, 0.8);
                break;
            case WBC:
                disk(cell.centreX(), cell.centreY(), cell.radius(), CYTOPLASM, 0.9);
                int lobes = 2 + random.nextInt(3);
                double angle = random.nextDouble() * 2 * Math.PI;
                for (int k = 0; k < lobes; k++) {
                    double a = angle + k * 2 * Math.PI / lobes;
                    double d = cell.radius() * 0.3;
                    disk(cell.centreX() + d * Math.cos(a), cell.centreY() + d * Math.sin(a),
                            cell.radius() * (0.35 + 0.1 * random.nextDouble()), NUCLEUS, 0.95);
                }
                break;
            case PLATELETS:
                disk(cell.centreX(), cell.centreY(), cell.radius(), PLATELET, 0.9);
                break;
            default:
                throw new IllegalStateException(String.valueOf(cell.kind()));
        }
    }

    /** Blends {@code colour} over a disk with weight {@code opacity}, anti-aliased over one pixel. */
    private void disk(double cx, double cy, double radius, double[] colour, double opacity) {
        int x0 = Math.max(0, (int) Math.floor(cx - radius - 1));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + radius + 1));
        int y0 = Math.max(0, (int) Math.floor(cy - radius - 1));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + radius + 1));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                double cover = Math.max(0, Math.min(1, radius + 0.5 - d));
                if (cover > 0) {
                    double a = cover * opacity;
                    int i = y * width + x;
                    r[i] += a * (colour[0] - r[i]);
                    g[i] += a * (colour[1] - g[i]);
                    b[i] += a * (colour[2] - b[i]);
                }
            }
        }
    }

    /**
     * The picture with sensor noise added, as 8-bit BGR. The noise is triangular (the sum of two
     * uniforms) with standard deviation {@code noise}: Gaussian noise per pixel cost more than
     * all the painting.
     */
    BufferedImage finish(Random random, double noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        SplittableRandom bits = new SplittableRandom(random.nextLong());
        // Two uniforms on [0, 1) summed have variance 1/6; u1 + u2 - 1 is centred.
        double scale = noise * Math.sqrt(6) / 65536.0;
        for (int i = 0, o = 0; i < r.length; i++, o += 3) {
            int u = bits.nextInt();
            double n = scale * ((u >>> 16) + (u & 0xffff) - 65536);
            bgr[o] = toByte(b[i] + n);
            bgr[o + 1] = toByte(g[i] + n);
            bgr[o + 2] = toByte(r[i] + n);
        }
        return image;
    }

    private static byte toByte(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
