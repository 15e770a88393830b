package org.cellactive.imaging;

/**
 * The pixels of one object inside a crop of the same size, row-major.
 * {@code inside[y * width + x]} is true for object pixels. The array is shared, not
 * copied: it must not change once the mask is built (the area is counted once and kept).
 */
public final class ObjectMask {
    private final int width;
    private final int height;
    private final boolean[] inside;
    /** The number of object pixels, counted on first use; -1 until then. */
    private int area = -1;

    public ObjectMask(int width, int height, boolean[] inside) {
        if (width <= 0 || height <= 0 || inside.length != width * height) {
            throw new IllegalArgumentException("mask " + width + "x" + height + " with " + inside.length + " pixels");
        }
        this.width = width;
        this.height = height;
        this.inside = inside;
    }

    public int width() { return width; }
    public int height() { return height; }
    public boolean[] inside() { return inside; }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && inside[y * width + x];
    }

    /** The number of object pixels. Several families need it; it is counted once. */
    public int area() {
        int n = area;
        if (n < 0) {
            n = 0;
            for (boolean b : inside) {
                n += b ? 1 : 0;
            }
            area = n;
        }
        return n;
    }
}
