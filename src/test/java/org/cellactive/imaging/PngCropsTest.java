package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class PngCropsTest {
    @Test
    void writesAnEightBitRgbPng() throws Exception {
        CellImage crop = CellImage.ofRgb(2, 1, new float[] {1f, 0.5f}, new float[] {0f, 0.5f}, new float[] {0.2f, 0.5f});
        byte[] png = PngCrops.toPng(crop);
        // IHDR follows the 8-byte signature, 4-byte length and 4-byte type: width, height, depth, colour type.
        assertEquals(2, png[19]);
        assertEquals(1, png[23]);
        assertEquals(8, png[24]);
        assertEquals(2, png[25]);  // truecolour, no alpha
        RgbImage back = new ImageDecoder(1000).decode(png, "crop.png");
        assertEquals(0xff0033, back.rgbAt(0, 0));  // 0.2 * 255 = 51
        assertEquals(0x808080, back.rgbAt(1, 0));  // 127.5 rounds up
    }

    @Test
    void outOfRangeValuesAreClamped() throws Exception {
        CellImage crop = CellImage.ofRgb(1, 1, new float[] {1.7f}, new float[] {-0.3f}, new float[] {Float.NaN});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngCrops.write(crop, out);
        assertEquals(0xff0000, new ImageDecoder(1000).decode(out.toByteArray(), "crop.png").rgbAt(0, 0));
    }

    /** Every byte value, in every channel, next to and below every other: the Up filter's differences wrap. */
    @Test
    void anEightBitCropComesBackByteForByte() throws Exception {
        int w = 41;
        int h = 29;
        byte[] rgb = new byte[3 * w * h];
        java.util.Random random = new java.util.Random(7);
        random.nextBytes(rgb);
        for (int x = 0; x < 3 * w; x++) {
            rgb[3 * w * 5 + x] = (byte) 255;   // a white row under a random one, then a black row under it
            rgb[3 * w * 6 + x] = 0;
        }
        RgbImage image = RgbImage.of(w, h, rgb);
        CellImage crop = image.crop(new PixelBox(3, 2, 38, 27));
        RgbImage back = new ImageDecoder(1000_000).decode(PngCrops.toPng(crop), "crop.png");
        assertEquals(35, back.width());
        assertEquals(25, back.height());
        for (int y = 0; y < 25; y++) {
            for (int x = 0; x < 35; x++) {
                assertEquals(image.rgbAt(x + 3, y + 2), back.rgbAt(x, y), "pixel " + x + "," + y);
            }
        }
        // The same crop as float planes (no 8-bit levels) writes the same file.
        CellImage floats = CellImage.ofRgb(crop.width(), crop.height(), crop.red(), crop.green(), crop.blue());
        org.junit.jupiter.api.Assertions.assertArrayEquals(PngCrops.toPng(crop), PngCrops.toPng(floats));
    }
}
