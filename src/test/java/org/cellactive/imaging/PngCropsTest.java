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
}
