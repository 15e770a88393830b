package org.cellactive.imaging;

import java.util.Random;

/** Random 8-bit crops for tests that compare a byte or code path with the float path. */
public final class RandomCrops {
    private RandomCrops() {
    }

    /**
     * A crop of up to {@code maxSide} x {@code maxSide} pixels whose channel bytes lie in a random
     * band (from one level to all 256), so some crops are nearly flat and others span everything.
     */
    public static CellImage of(Random random, int maxSide) {
        return image(random, maxSide).toCellImage();
    }

    /** The image behind {@link #of}: crop it as often as needed. */
    public static RgbImage image(Random random, int maxSide) {
        int w = 1 + random.nextInt(maxSide);
        int h = 1 + random.nextInt(maxSide);
        int spread = 1 + random.nextInt(256);
        int base = random.nextInt(257 - spread);
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (base + random.nextInt(spread));
        }
        return RgbImage.of(w, h, rgb);
    }
}
