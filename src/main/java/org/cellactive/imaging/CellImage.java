package org.cellactive.imaging;

import java.util.Objects;

/**
 * One cell's crop: four channel planes, row-major, values scaled to 0..1.
 *
 * <p>Gray is the mean of red, green and blue with weight 1/3 each, CellProfiler's
 * ColorToGray "combine" default. Planes are shared, not copied: treat them as read-only.
 *
 * <p>A crop cut from an 8-bit image ({@link RgbImage#crop}) holds only its bytes and gray
 * codes ({@link #levels()}); each float plane is made from them the first time it is asked
 * for. Measurements that read the bytes and codes, as the default families do, never pay
 * for the floats.
 */
public final class CellImage {
    private final int width;
    private final int height;
    // Volatile: a plane made on first use is then seen whole by any thread.
    private volatile float[] red;
    private volatile float[] green;
    private volatile float[] blue;
    private volatile float[] gray;
    /** The 8-bit values behind the planes, or null. */
    private final ByteLevels levels;

    public CellImage(int width, int height, float[] red, float[] green, float[] blue, float[] gray) {
        this(width, height, red, green, blue, gray, null);
    }

    private CellImage(int width, int height, float[] red, float[] green, float[] blue, float[] gray, ByteLevels levels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        int n = Math.multiplyExact(width, height);
        if (levels == null) {
            for (float[] plane : new float[][] {red, green, blue, gray}) {
                if (Objects.requireNonNull(plane, "plane").length != n) {
                    throw new IllegalArgumentException("plane length " + plane.length + " != " + n);
                }
            }
        } else if (levels.red().length != n || levels.green().length != n || levels.blue().length != n
                || levels.grayCodes().length != n) {
            throw new IllegalArgumentException("8-bit planes of the wrong length for " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.gray = gray;
        this.levels = levels;
    }

    /** A crop of an 8-bit image, from its bytes and gray codes: {@link RgbImage#crop} only. */
    static CellImage of8Bit(int width, int height, ByteLevels levels) {
        return new CellImage(width, height, null, null, null, null, Objects.requireNonNull(levels, "levels"));
    }

    /** An image whose three colour planes are the same gray plane: handy for tests. */
    public static CellImage ofGray(int width, int height, float[] gray) {
        return new CellImage(width, height, gray, gray, gray, gray);
    }

    /** Builds the gray plane from the colour planes. */
    public static CellImage ofRgb(int width, int height, float[] red, float[] green, float[] blue) {
        float[] gray = new float[red.length];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = grayOf(red[i], green[i], blue[i]);
        }
        return new CellImage(width, height, red, green, blue, gray);
    }

    /** The gray value of one pixel: the float mean, summed red, green, then blue. */
    static float grayOf(float red, float green, float blue) {
        return (red + green + blue) / 3f;
    }

    public int width() { return width; }
    public int height() { return height; }
    public int pixelCount() { return width * height; }
    public float[] red() {
        float[] plane = red;
        return plane != null ? plane : (red = unitPlane(levels.red()));
    }

    public float[] green() {
        float[] plane = green;
        return plane != null ? plane : (green = unitPlane(levels.green()));
    }

    public float[] blue() {
        float[] plane = blue;
        return plane != null ? plane : (blue = unitPlane(levels.blue()));
    }

    public float[] gray() {
        float[] plane = gray;
        if (plane == null) {
            short[] codes = levels.grayCodes();
            plane = new float[codes.length];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = GrayCodes.value(codes[i]);
            }
            gray = plane;
        }
        return plane;
    }

    /** The plane k/255f of a channel's bytes. */
    private static float[] unitPlane(byte[] bytes) {
        float[] plane = new float[bytes.length];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = ByteLevels.value(bytes[i] & 0xff);
        }
        return plane;
    }

    /** The 8-bit values behind the planes, when the crop was cut from an 8-bit image; else null. */
    public ByteLevels levels() { return levels; }

    public float[] plane(Channel channel) {
        switch (channel) {
            case GRAY: return gray();
            case RED: return red();
            case GREEN: return green();
            case BLUE: return blue();
            default: throw new IllegalArgumentException(String.valueOf(channel));
        }
    }
}
