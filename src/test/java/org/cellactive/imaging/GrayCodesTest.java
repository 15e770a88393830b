package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GrayCodesTest {

    @Test
    void everyEightBitPixelGetsTheCodeOfItsOwnGrayFloat() {
        // All 16.7 million (r, g, b): the code's value is the crop's gray float, bit for bit.
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++) {
                    // Codes number distinct floats, so the right value means the right code.
                    float gray = CellImage.grayOf(r / 255f, g / 255f, b / 255f);
                    int code = GrayCodes.codeOfSum(r + g + b, r / 255f + g / 255f + b / 255f);
                    if (Float.floatToRawIntBits(GrayCodes.value(code)) != Float.floatToRawIntBits(gray)) {
                        throw new AssertionError("(" + r + "," + g + "," + b + "): code " + code + " holds "
                                + GrayCodes.value(code) + ", the pixel is " + gray);
                    }
                }
            }
        }
    }

    @Test
    void codesAreNumberedInAscendingValueOrder() {
        assertEquals(1177, GrayCodes.count());
        assertEquals(0f, GrayCodes.value(0));
        assertEquals(1f, GrayCodes.value(GrayCodes.count() - 1));
        for (int code = 1; code < GrayCodes.count(); code++) {
            assertTrue(GrayCodes.value(code - 1) < GrayCodes.value(code), "code " + code);
        }
    }

    @Test
    void aCropCarriesTheBytesAndCodesOfItsPlanes() {
        Random random = new Random(3);
        int w = 37;
        int h = 23;
        byte[] rgb = new byte[3 * w * h];
        random.nextBytes(rgb);
        CellImage crop = RgbImage.of(w, h, rgb).crop(new PixelBox(5, 4, 30, 20));
        ByteLevels levels = crop.levels();
        for (int y = 4, i = 0; y < 20; y++) {
            for (int x = 5; x < 30; x++, i++) {
                int at = 3 * (y * w + x);
                float r = (rgb[at] & 0xff) / 255f;
                float g = (rgb[at + 1] & 0xff) / 255f;
                float b = (rgb[at + 2] & 0xff) / 255f;
                assertEquals(rgb[at], levels.red()[i]);
                assertEquals(rgb[at + 1], levels.green()[i]);
                assertEquals(rgb[at + 2], levels.blue()[i]);
                assertEquals((r + g + b) / 3f, GrayCodes.value(levels.grayCodes()[i]));
            }
        }
        assertEquals(null, CellImage.ofGray(2, 1, new float[] {0.1f, 0.2f}).levels());
    }
}
