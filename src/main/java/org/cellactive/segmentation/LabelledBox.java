package org.cellactive.segmentation;

/**
 * A box in VOC convention (1-based, inclusive corners) with a class, or a null class for a found
 * object. Its pixels are columns {@code xmin..xmax} and rows {@code ymin..ymax}.
 */
public record LabelledBox(String cellType, int xmin, int ymin, int xmax, int ymax) {

    /** Pixels covered; 0 for a degenerate box (max below min). */
    public long area() {
        return (long) Math.max(0, xmax - xmin + 1) * Math.max(0, ymax - ymin + 1);
    }

    /** Pixels shared with {@code o}. */
    public long intersection(LabelledBox o) {
        long w = Math.min(xmax, o.xmax) - Math.max(xmin, o.xmin) + 1L;
        long h = Math.min(ymax, o.ymax) - Math.max(ymin, o.ymin) + 1L;
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /** Intersection over union; 0 when both are empty. */
    public double iou(LabelledBox o) {
        long i = intersection(o);
        long u = area() + o.area() - i;
        return u == 0 ? 0 : (double) i / u;
    }
}
