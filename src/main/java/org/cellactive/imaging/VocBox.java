package org.cellactive.imaging;

import java.io.Serializable;
import org.cellactive.reject.RejectedException;

/**
 * A box as annotations write it (Pascal VOC: 1-based, inclusive corners), not yet checked
 * against any image.
 */
public record VocBox(int xmin, int ymin, int xmax, int ymax) implements Serializable {

    /** The pixels this box covers in {@code image}, clipped: {@link PixelBox#fromVoc}. */
    public PixelBox in(RgbImage image) throws RejectedException {
        return PixelBox.fromVoc(xmin, ymin, xmax, ymax, image.width(), image.height());
    }

    /** The VOC box of a pixel rectangle: the inverse of {@link PixelBox#fromVoc} inside the image. */
    public static VocBox of(PixelBox box) {
        return new VocBox(box.x0() + 1, box.y0() + 1, box.x1(), box.y1());
    }
}
