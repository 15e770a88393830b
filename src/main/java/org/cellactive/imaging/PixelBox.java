package org.cellactive.imaging;

import java.io.Serializable;
import org.cellactive.reject.RejectedException;

/**
 * A pixel rectangle of an image: 0-based and half-open, so it covers columns
 * {@code x0 .. x1-1} and rows {@code y0 .. y1-1}. Always non-empty.
 *
 * <p>Pascal VOC boxes are 1-based and inclusive; {@link #fromVoc} converts them.
 */
public final class PixelBox implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int x0;
    private final int y0;
    private final int x1;
    private final int y1;

    public PixelBox(int x0, int y0, int x1, int y1) {
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("empty box " + describe(x0, y0, x1, y1));
        }
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
    }

    /**
     * Converts a VOC box (1-based, inclusive) to the crop {@code [xmin-1, xmax) x [ymin-1, ymax)},
     * clipped to the image.
     *
     * <p>A box with {@code xmax <= xmin} or {@code ymax <= ymin} is refused as zero-area: it is a
     * click without a drag in the annotation tool, not a cell (BCCD has two, both with
     * {@code xmin == xmax} and {@code ymin == ymax}). A box that lies wholly outside the image is
     * refused too. A box that sticks out of the image is clipped: BCCD's 237 boxes with
     * {@code xmax = 640} on 640-wide images end exactly at the right edge.
     *
     * @throws RejectedException stage CROP, for a zero-area box or a box outside the image
     */
    public static PixelBox fromVoc(int xmin, int ymin, int xmax, int ymax, int imageWidth, int imageHeight)
            throws RejectedException {
        if (xmax <= xmin || ymax <= ymin) {
            throw new RejectedException(RejectedException.Stage.CROP,
                    "zero-area box xmin=" + xmin + " ymin=" + ymin + " xmax=" + xmax + " ymax=" + ymax);
        }
        // long: hostile files can hold coordinates near Integer.MIN_VALUE.
        long cx0 = Math.max(0L, (long) xmin - 1);
        long cy0 = Math.max(0L, (long) ymin - 1);
        long cx1 = Math.min((long) imageWidth, xmax);
        long cy1 = Math.min((long) imageHeight, ymax);
        if (cx1 <= cx0 || cy1 <= cy0) {
            throw new RejectedException(RejectedException.Stage.CROP,
                    "box xmin=" + xmin + " ymin=" + ymin + " xmax=" + xmax + " ymax=" + ymax
                            + " lies outside the " + imageWidth + "x" + imageHeight + " image");
        }
        return new PixelBox((int) cx0, (int) cy0, (int) cx1, (int) cy1);
    }

    /** This box grown by {@code margin} pixels on every side, clipped to the image: context for a viewer. */
    public PixelBox expand(int margin, int imageWidth, int imageHeight) {
        if (margin < 0) {
            throw new IllegalArgumentException("negative margin " + margin);
        }
        int nx0 = (int) Math.max(0L, (long) x0 - margin);
        int ny0 = (int) Math.max(0L, (long) y0 - margin);
        int nx1 = (int) Math.min((long) imageWidth, (long) x1 + margin);
        int ny1 = (int) Math.min((long) imageHeight, (long) y1 + margin);
        return new PixelBox(nx0, ny0, nx1, ny1);
    }

    /** True if the box lies wholly inside a {@code width x height} image. */
    public boolean fitsIn(int width, int height) {
        return x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height;
    }

    public int x0() { return x0; }
    public int y0() { return y0; }
    public int x1() { return x1; }
    public int y1() { return y1; }
    public int width() { return x1 - x0; }
    public int height() { return y1 - y0; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PixelBox)) {
            return false;
        }
        PixelBox b = (PixelBox) o;
        return x0 == b.x0 && y0 == b.y0 && x1 == b.x1 && y1 == b.y1;
    }

    @Override
    public int hashCode() {
        return ((x0 * 31 + y0) * 31 + x1) * 31 + y1;
    }

    @Override
    public String toString() {
        return describe(x0, y0, x1, y1);
    }

    private static String describe(int x0, int y0, int x1, int y1) {
        return "[" + x0 + "," + x1 + ")x[" + y0 + "," + y1 + ")";
    }
}
