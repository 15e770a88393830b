package org.cellactive.imaging;

/**
 * The pixels of one object inside a crop of the same size, row-major.
 * {@code inside[y * width + x]} is true for object pixels.
 */
public final class ObjectMask {
    private final int width;
    private final int height;
    private final boolean[] inside;

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

    public int area() {
        int n = 0;
        for (boolean b : inside) {
            if (b) n++;
        }
        return n;
    }
}
