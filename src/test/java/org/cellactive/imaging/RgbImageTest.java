package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RgbImageTest {
    /** A 4x3 image whose pixel (x, y) is R = 10x + y, G = 100 + y, B = 255 - x. */
    private static RgbImage ramp() {
        byte[] rgb = new byte[4 * 3 * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                int i = 3 * (y * 4 + x);
                rgb[i] = (byte) (10 * x + y);
                rgb[i + 1] = (byte) (100 + y);
                rgb[i + 2] = (byte) (255 - x);
            }
        }
        return RgbImage.of(4, 3, rgb);
    }

    @Test
    void cropTakesThePlanesUnderTheBoxScaledToOne() {
        CellImage crop = ramp().crop(new PixelBox(1, 1, 3, 3));
        assertEquals(2, crop.width());
        assertEquals(2, crop.height());
        assertArrayEquals(new float[] {11 / 255f, 21 / 255f, 12 / 255f, 22 / 255f}, crop.red());
        assertArrayEquals(new float[] {101 / 255f, 101 / 255f, 102 / 255f, 102 / 255f}, crop.green());
        assertArrayEquals(new float[] {254 / 255f, 253 / 255f, 254 / 255f, 253 / 255f}, crop.blue());
        assertEquals((11 / 255f + 101 / 255f + 254 / 255f) / 3f, crop.gray()[0]);
    }

    @Test
    void cropOutsideTheImageIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> ramp().crop(new PixelBox(2, 0, 5, 2)));
    }

    @Test
    void ofCopiesTheArray() {
        byte[] rgb = new byte[3];
        RgbImage image = RgbImage.of(1, 1, rgb);
        rgb[0] = 7;
        assertEquals(0, image.rgbAt(0, 0));
    }

    @Test
    void wrongArrayLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RgbImage.of(2, 2, new byte[11]));
    }

    @Test
    void blueGreenRedStorageGivesTheSameCropAndPixels() {
        // The ramp's bytes with red and blue swapped in every pixel, as a JPEG decoder delivers them.
        byte[] bgr = new byte[4 * 3 * 3];
        RgbImage rgb = ramp();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                int p = rgb.rgbAt(x, y);
                int i = 3 * (y * 4 + x);
                bgr[i] = (byte) p;
                bgr[i + 1] = (byte) (p >> 8);
                bgr[i + 2] = (byte) (p >> 16);
            }
        }
        RgbImage swapped = RgbImage.wrap(4, 3, bgr, true);
        assertEquals(rgb.rgbAt(3, 2), swapped.rgbAt(3, 2));
        CellImage a = rgb.crop(new PixelBox(1, 0, 4, 3));
        CellImage b = swapped.crop(new PixelBox(1, 0, 4, 3));
        assertArrayEquals(a.red(), b.red());
        assertArrayEquals(a.green(), b.green());
        assertArrayEquals(a.blue(), b.blue());
        assertArrayEquals(a.gray(), b.gray());
    }
}
