package org.cellactive.imaging;

/**
 * The 8-bit values behind a crop's planes, for measurements that count values: the red plane
 * holds {@code (red[i] & 0xff) / 255f}, and so on, and the gray plane holds
 * {@link GrayCodes#value}{@code (grayCodes[i])}. Counting bytes or codes gives the same
 * histogram as counting the floats, without finding each float's bin.
 *
 * <p>Only {@link RgbImage#crop} makes them, from the same pixels as the planes; a crop built
 * from floats has none. The arrays are shared: treat them as read-only.
 */
public record ByteLevels(byte[] red, byte[] green, byte[] blue, short[] grayCodes) {
    /** The float of each level k, k/255f: the one table every plane of an 8-bit crop is made from. */
    private static final float[] UNIT = new float[256];

    static {
        for (int k = 0; k < 256; k++) {
            UNIT[k] = k / 255f;
        }
    }

    /** The plane value of the 8-bit level {@code level} (0..255): {@code level / 255f}. */
    public static float value(int level) {
        return UNIT[level];
    }

    /** The bytes of a colour channel; null for gray, whose values are {@link #grayCodes()}. */
    public byte[] colour(Channel channel) {
        switch (channel) {
            case RED: return red;
            case GREEN: return green;
            case BLUE: return blue;
            default: return null;
        }
    }
}
