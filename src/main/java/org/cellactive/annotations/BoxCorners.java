package org.cellactive.annotations;

import org.cellactive.reject.RejectedException;

/**
 * The four corners of a box as read from text, checked the same way for VOC and CSV:
 * each an integer &ge; 0, and min &le; max. Zero-area boxes pass (the crop stage
 * rejects them), and nothing is clipped: the image size is not known here.
 */
record BoxCorners(int xmin, int ymin, int xmax, int ymax) {

    static BoxCorners parse(String xmin, String ymin, String xmax, String ymax) throws RejectedException {
        int x0 = coordinate("xmin", xmin);
        int y0 = coordinate("ymin", ymin);
        int x1 = coordinate("xmax", xmax);
        int y1 = coordinate("ymax", ymax);
        if (x0 > x1) {
            throw reject("xmin " + x0 + " > xmax " + x1);
        }
        if (y0 > y1) {
            throw reject("ymin " + y0 + " > ymax " + y1);
        }
        return new BoxCorners(x0, y0, x1, y1);
    }

    private static int coordinate(String name, String text) throws RejectedException {
        if (text == null || text.isBlank()) {
            throw reject(name + " is missing");
        }
        String t = text.strip();
        int value;
        try {
            value = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw reject(name + " " + ReasonText.quote(t) + " is not an integer");
        }
        if (value < 0) {
            throw reject(name + " " + value + " is negative");
        }
        return value;
    }

    private static RejectedException reject(String reason) {
        return new RejectedException(RejectedException.Stage.ANNOTATION, reason);
    }
}
