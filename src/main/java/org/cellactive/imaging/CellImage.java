package org.cellactive.imaging;

import java.util.Objects;

/**
 * One cell's crop: four channel planes, row-major, values scaled to 0..1.
 *
 * <p>Gray is the mean of red, green and blue with weight 1/3 each, CellProfiler's
 * ColorToGray "combine" default. Planes are shared, not copied: treat them as read-only.
 */
public final class CellImage {
    private final int width;
    private final int height;
    private final float[] red;
    private final float[] green;
    private final float[] blue;
    private final float[] gray;
    /** The 8-bit values behind the planes, or null. */
    private final ByteLevels levels;

    public CellImage(int width, int height, float[] red, float[] green, float[] blue, float[] gray) {
        this(width, height, red, green, blue, gray, null);
    }

    /** With the 8-bit values the planes were made from: {@link RgbImage#crop} only. */
    CellImage(int width, int height, float[] red, float[] green, float[] blue, float[] gray, ByteLevels levels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        int n = Math.multiplyExact(width, height);
        for (float[] plane : new float[][] {red, green, blue, gray}) {
            if (Objects.requireNonNull(plane, "plane").length != n) {
                throw new IllegalArgumentException("plane length " + plane.length + " != " + n);
            }
        }
        this.width = width;
        this.height = height;
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.gray = gray;
        this.levels = levels;
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
    public float[] red() { return red; }
    public float[] green() { return green; }
    public float[] blue() { return blue; }
    public float[] gray() { return gray; }

    /** The 8-bit values behind the planes, when the crop was cut from an 8-bit image; else null. */
    public ByteLevels levels() { return levels; }

    public float[] plane(Channel channel) {
        switch (channel) {
            case GRAY: return gray;
            case RED: return red;
            case GREEN: return green;
            case BLUE: return blue;
            default: throw new IllegalArgumentException(String.valueOf(channel));
        }
    }
}
