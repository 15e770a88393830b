package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

class RasterToRgbTest {
    private static final int[] COLOURS = {0x000000, 0xff0000, 0x00ff00, 0x0000ff, 0x123456, 0xfedcba};

    private static void paint(WritableRaster raster) {
        for (int i = 0; i < COLOURS.length; i++) {
            int c = COLOURS[i];
            raster.setPixel(i % 3, i / 3, new int[] {c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff});
        }
    }

    private static void assertColours(RgbImage image) {
        for (int i = 0; i < COLOURS.length; i++) {
            assertEquals(COLOURS[i], image.rgbAt(i % 3, i / 3), "pixel " + i);
        }
    }

    @Test
    void anRgbOrderImageIsTakenAsItIs() {
        BufferedImage image = RasterToRgb.rgbOrderImage(3, 2);
        paint(image.getRaster());
        assertColours(RasterToRgb.convert(image));
    }

    @Test
    void aBgrImageIsTakenAsItIs() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        paint(image.getRaster());
        assertColours(RasterToRgb.convert(image));
    }

    @Test
    void aPaddedSubimageIsCopied() {
        // A child raster starts inside its parent's buffer: not the plain layout, so it is read sample by sample.
        BufferedImage parent = RasterToRgb.rgbOrderImage(5, 4);
        BufferedImage child = parent.getSubimage(1, 1, 3, 2);
        paint(child.getRaster());
        assertColours(RasterToRgb.convert(child));
    }
}
