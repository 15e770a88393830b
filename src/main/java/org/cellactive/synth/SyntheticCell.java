package org.cellactive.synth;

/**
 * One painted cell: its kind, its centre and radius in pixels, and its box in Pascal VOC
 * coordinates (1-based, inclusive), clipped to the image.
 */
public final class SyntheticCell {
    private final CellKind kind;
    private final double centreX;
    private final double centreY;
    private final double radius;
    private final int xmin;
    private final int ymin;
    private final int xmax;
    private final int ymax;
    private final boolean truncated;

    SyntheticCell(CellKind kind, double centreX, double centreY, double radius, int imageWidth, int imageHeight) {
        this.kind = kind;
        this.centreX = centreX;
        this.centreY = centreY;
        this.radius = radius;
        // Pixel x covers [x, x+1) with its centre at x + 0.5; VOC numbers pixels from 1.
        int x0 = (int) Math.floor(centreX - radius);
        int y0 = (int) Math.floor(centreY - radius);
        int x1 = (int) Math.ceil(centreX + radius);
        int y1 = (int) Math.ceil(centreY + radius);
        this.xmin = Math.max(1, x0 + 1);
        this.ymin = Math.max(1, y0 + 1);
        this.xmax = Math.min(imageWidth, x1);
        this.ymax = Math.min(imageHeight, y1);
        this.truncated = x0 < 0 || y0 < 0 || x1 > imageWidth || y1 > imageHeight;
    }

    public CellKind kind() { return kind; }
    public double centreX() { return centreX; }
    public double centreY() { return centreY; }
    public double radius() { return radius; }
    public int xmin() { return xmin; }
    public int ymin() { return ymin; }
    public int xmax() { return xmax; }
    public int ymax() { return ymax; }
    /** True when the cell runs off the image, as VOC's {@code <truncated>} says. */
    public boolean truncated() { return truncated; }
}
