package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.cellactive.reject.RejectedException;

class ImageDecoderTest {
    private static final ImageDecoder DECODER = new ImageDecoder(100_000_000L);

    static byte[] bccdJpeg(String name) throws IOException {
        Path dir = Path.of(System.getProperty("cellactive.bccd", "../shared/data/bccd"), "BCCD", "JPEGImages");
        return Files.readAllBytes(dir.resolve(name));
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    private static RejectedException refused(byte[] bytes) {
        RejectedException e = assertThrows(RejectedException.class, () -> DECODER.decode(bytes, "test"));
        assertEquals(RejectedException.Stage.DECODE, e.stage());
        return e;
    }

    @Test
    void decodesARealBccdJpeg() throws Exception {
        byte[] bytes = bccdJpeg("BloodImage_00000.jpg");
        RgbImage image = DECODER.decode(bytes, "BloodImage_00000.jpg");
        assertEquals(640, image.width());
        assertEquals(480, image.height());
        // Same pixels as ImageIO.read + getRGB, the slow reference path.
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(bytes));
        for (int y = 0; y < 480; y += 7) {
            for (int x = 0; x < 640; x += 5) {
                assertEquals(reference.getRGB(x, y) & 0xffffff, image.rgbAt(x, y), "pixel " + x + "," + y);
            }
        }
        // A stained smear: bright background, so the mean gray is well above the middle.
        CellImage whole = image.toCellImage();
        double mean = 0;
        for (float g : whole.gray()) {
            mean += g;
        }
        mean /= whole.pixelCount();
        assertTrue(mean > 0.5 && mean < 0.95, "mean gray " + mean);
    }

    @Test
    void rgbPngRoundTripsExactly() throws Exception {
        BufferedImage png = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0x000000, 0xff0000, 0x00ff00, 0x0000ff, 0x123456, 0xffffff};
        for (int i = 0; i < 6; i++) {
            png.setRGB(i % 3, i / 3, colours[i]);
        }
        RgbImage image = DECODER.decode(encode(png, "png"), "rgb.png");
        for (int i = 0; i < 6; i++) {
            assertEquals(colours[i], image.rgbAt(i % 3, i / 3));
        }
    }

    @Test
    void grayPngKeepsItsGrayLevels() throws Exception {
        // Java2D's getRGB would turn 128 into about 186: it treats gray as linear light.
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 128);
        gray.getRaster().setSample(1, 0, 0, 7);
        RgbImage image = DECODER.decode(encode(gray, "png"), "gray.png");
        assertEquals(0x808080, image.rgbAt(0, 0));
        assertEquals(0x070707, image.rgbAt(1, 0));
    }

    @Test
    void sixteenBitGrayIsRoundedToEightBits() throws Exception {
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray.getRaster().setSample(0, 0, 0, 0x8080);  // 32896 * 255 / 65535 = 128
        gray.getRaster().setSample(1, 0, 0, 65535);
        RgbImage image = DECODER.decode(encode(gray, "png"), "gray16.png");
        assertEquals(0x808080, image.rgbAt(0, 0));
        assertEquals(0xffffff, image.rgbAt(1, 0));
    }

    @Test
    void alphaIsIgnored() throws Exception {
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR);
        argb.setRGB(0, 0, 0x40c08020);
        assertEquals(0xc08020, DECODER.decode(encode(argb, "png"), "a.png").rgbAt(0, 0));
    }

    @Test
    void paletteColoursAreLookedUp() throws Exception {
        byte[] r = {(byte) 200, 10};
        byte[] g = {(byte) 100, 20};
        byte[] b = {(byte) 50, 30};
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(1, 2, r, g, b));
        indexed.getRaster().setSample(0, 0, 0, 1);
        indexed.getRaster().setSample(1, 0, 0, 0);
        RgbImage image = DECODER.decode(encode(indexed, "png"), "palette.png");
        assertEquals(0x0a141e, image.rgbAt(0, 0));
        assertEquals(0xc86432, image.rgbAt(1, 0));
    }

    @Test
    void cmykTiffIsConvertedToRgb() throws Exception {
        ColorSpace cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel cm = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(3, 1);
        raster.setPixel(0, 0, new int[] {0, 0, 0, 0});      // paper white
        raster.setPixel(1, 0, new int[] {0, 0, 0, 255});    // full black ink
        raster.setPixel(2, 0, new int[] {255, 0, 0, 0});    // cyan ink
        BufferedImage image = new BufferedImage(cm, raster, false, null);
        RgbImage rgb = DECODER.decode(encode(image, "tiff"), "cmyk.tif");
        int white = rgb.rgbAt(0, 0);
        int black = rgb.rgbAt(1, 0);
        int cyan = rgb.rgbAt(2, 0);
        assertTrue(gray(white) > 230, Integer.toHexString(white));
        assertTrue(gray(black) < 60, Integer.toHexString(black));
        assertTrue((cyan >> 16 & 0xff) < 80 && (cyan & 0xff) > 180, "cyan " + Integer.toHexString(cyan));
    }

    /**
     * A CMYK JPEG without an ICC profile is a real image: the reader converts it with a generic
     * profile and warns. It is decoded, and the warning goes to the decoder's {@link ReaderWarnings}.
     */
    @Test
    void cmykJpegWithoutIccProfileIsDecodedAndItsWarningRecorded() throws Exception {
        WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                // Adobe's CMYK JPEGs store ink inverted: 255 is no ink. Left paper, right cyan.
                raster.setPixel(x, y, x < 8 ? new int[] {255, 255, 255, 255} : new int[] {0, 255, 255, 255});
            }
        }
        byte[] jpeg = CmykJpegs.encode(raster);
        List<String> warned = new ArrayList<>();
        RgbImage rgb = new ImageDecoder(1_000_000, warned::add).decode(jpeg, "cmyk.jpg");
        assertEquals(16, rgb.width());
        assertEquals(List.of("JPEG: No embedded ICC color profile, will convert using inaccurate CMYK to RGB"
                + " conversion. Colors may look incorrect."),
                warned);
        int left = rgb.rgbAt(2, 8);
        int right = rgb.rgbAt(13, 8);
        // One half has no ink, the other full cyan: red differs, blue hardly.
        assertTrue(Math.abs((left >> 16 & 0xff) - (right >> 16 & 0xff)) > 120,
                Integer.toHexString(left) + " vs " + Integer.toHexString(right));
    }

    private static int gray(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }

    @Test
    void emptyFileIsRefused() {
        assertEquals("empty file", refused(new byte[0]).reason());
    }

    @Test
    void garbageIsAnUnknownFormat() {
        byte[] text = "this is not an image, just text".getBytes(StandardCharsets.US_ASCII);
        assertEquals("unknown image format (file starts with 74 68 69 73 20 69 73 20)", refused(text).reason());
    }

    @Test
    void truncatedJpegIsRefused() throws Exception {
        byte[] bytes = bccdJpeg("BloodImage_00000.jpg");
        RejectedException e = refused(Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(e.reason().startsWith("corrupt or truncated JPEG"), e.reason());
    }

    @Test
    void jpegWithoutItsEndMarkerIsRefused() throws Exception {
        // The pixels would all be there, but a file cut short is not to be trusted.
        byte[] bytes = bccdJpeg("BloodImage_00000.jpg");
        assertEquals("corrupt or truncated JPEG: Truncated File - Missing EOI marker",
                refused(Arrays.copyOf(bytes, bytes.length - 2)).reason());
    }

    @Test
    void jpegWithOnlyAHeaderIsRefused() throws Exception {
        byte[] bytes = bccdJpeg("BloodImage_00000.jpg");
        assertTrue(refused(Arrays.copyOf(bytes, 40)).reason().startsWith("corrupt"));
    }

    @Test
    void corruptPngDataIsRefused() throws Exception {
        BufferedImage png = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        png.setRGB(3, 3, 0xabcdef);
        byte[] bytes = encode(png, "png");
        for (int i = 60; i < bytes.length - 20; i++) {
            bytes[i] ^= 0x5a;
        }
        assertTrue(refused(bytes).reason().startsWith("corrupt"));
    }

    @Test
    void hugeImageIsRefusedFromItsHeaderAlone() {
        // A 20000x20000 PNG header and no pixel data at all: decoding would fail differently.
        byte[] png = pngHeaderOnly(20000, 20000);
        assertTrue(png.length < 100);
        assertEquals("image is 20000x20000 = 400.0 megapixels, over the limit of 100.0 (--max-image-pixels)",
                refused(png).reason());
    }

    @Test
    void theSameHeaderUnderTheLimitFailsAsCorrupt() {
        RejectedException e = refused(pngHeaderOnly(20, 20));
        assertTrue(e.reason().startsWith("corrupt or truncated PNG"), e.reason());
    }

    @Test
    void survivesSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ImageDecoder(1234));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(1234, ((ImageDecoder) in.readObject()).maxPixels());
        }
    }

    @Test
    void pngCropsRoundTripThroughTheDecoder() throws Exception {
        RgbImage image = DECODER.decode(bccdJpeg("BloodImage_00001.jpg"), "BloodImage_00001.jpg");
        CellImage crop = image.crop(new PixelBox(100, 50, 180, 140));
        RgbImage back = DECODER.decode(PngCrops.toPng(crop), "crop.png");
        assertEquals(80, back.width());
        assertEquals(90, back.height());
        CellImage again = back.toCellImage();
        assertArrayEquals(crop.red(), again.red());
        assertArrayEquals(crop.green(), again.green());
        assertArrayEquals(crop.blue(), again.blue());
    }

    /** PNG signature, an IHDR chunk for 8-bit RGB of the given size, and IEND: no IDAT. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
