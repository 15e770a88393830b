package org.cellactive.imaging;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns any decoded {@link BufferedImage} into an {@link RgbImage}.
 *
 * <p>The common case, a JPEG decoded into an {@link #rgbOrderImage} (or as
 * {@code TYPE_3BYTE_BGR}), takes the bytes of the {@link DataBufferByte} as they are, in
 * R, G, B (or B, G, R) order: no copy and no pass over the pixels (reading through
 * {@code getRGB} was 3.5x slower than a copy, SPARK-NOTES).
 * Gray images are read as samples, not through {@code getRGB}: Java2D treats a gray
 * colour space as linear and would brighten every pixel on the way to sRGB, while gray
 * files hold gamma-encoded values like sRGB files do.
 */
final class RasterToRgb {
    private RasterToRgb() {
    }

    /** Converts {@code image}, which must not be used afterwards: its buffer may be reused. */
    static RgbImage convert(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int[] order = plainInterleavedOrder(image);
        if (order != null) {
            // The decoded image is thrown away, so its buffer becomes ours: no copy, no reordering.
            byte[] pixels = ((DataBufferByte) raster.getDataBuffer()).getData();
            return RgbImage.wrap(w, h, pixels, order[0] == 2);
        }
        byte[] rgb = new byte[Math.multiplyExact(3, Math.multiplyExact(w, h))];
        if (cm instanceof IndexColorModel || !isIntegral(raster)) {
            fromArgb(image, rgb);
        } else if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            fromGraySamples(raster, cm.getComponentSize(0), rgb);
        } else if (cm.getColorSpace().isCS_sRGB() && cm.getNumColorComponents() == 3 && !cm.isAlphaPremultiplied()) {
            fromRgbSamples(raster, cm, rgb);
        } else {
            fromArgb(image, rgb);
        }
        return RgbImage.wrap(w, h, rgb, false);
    }

    /**
     * An empty 8-bit sRGB image stored R, G, B, three bytes per pixel with no padding: the
     * destination {@link ImageDecoder} gives readers that would deliver {@code TYPE_3BYTE_BGR}.
     */
    static BufferedImage rgbOrderImage(int width, int height) {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height,
                Math.multiplyExact(3, width), 3, new int[] {0, 1, 2}, null);
        return new BufferedImage(cm, raster, false, null);
    }

    /**
     * The band offsets, {0, 1, 2} (R, G, B) or {2, 1, 0} (B, G, R), of an opaque 8-bit sRGB image
     * whose raster is exactly its whole buffer, with no offset or padding; null for any other image.
     */
    private static int[] plainInterleavedOrder(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (!(cm instanceof ComponentColorModel) || cm.hasAlpha() || !cm.getColorSpace().isCS_sRGB()
                || cm.getNumComponents() != 3
                || !(raster.getDataBuffer() instanceof DataBufferByte)
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel)
                || raster.getParent() != null) {
            return null;
        }
        PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) raster.getSampleModel();
        int[] offsets = sm.getBandOffsets();
        boolean plain = sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * image.getWidth()
                && offsets.length == 3 && offsets[1] == 1
                && (offsets[0] == 0 && offsets[2] == 2 || offsets[0] == 2 && offsets[2] == 0)
                && raster.getDataBuffer().getOffset() == 0
                && ((DataBufferByte) raster.getDataBuffer()).getData().length == 3 * image.getWidth() * image.getHeight();
        return plain ? offsets : null;
    }

    private static boolean isIntegral(Raster raster) {
        int type = raster.getDataBuffer().getDataType();
        return type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT
                || type == DataBuffer.TYPE_SHORT || type == DataBuffer.TYPE_INT;
    }

    private static void fromGraySamples(Raster raster, int bits, byte[] rgb) {
        int w = raster.getWidth();
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                byte v = to8Bits(row[x], bits);
                rgb[o++] = v;
                rgb[o++] = v;
                rgb[o++] = v;
            }
        }
    }

    private static void fromRgbSamples(Raster raster, ColorModel cm, byte[] rgb) {
        int w = raster.getWidth();
        int[] row = new int[w];
        for (int band = 0; band < 3; band++) {
            int bits = cm.getComponentSize(band);
            for (int y = 0; y < raster.getHeight(); y++) {
                raster.getSamples(0, y, w, 1, band, row);
                int o = 3 * y * w + band;
                for (int x = 0; x < w; x++, o += 3) {
                    rgb[o] = to8Bits(row[x], bits);
                }
            }
        }
    }

    private static void fromArgb(BufferedImage image, byte[] rgb) {
        int w = image.getWidth();
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                rgb[o++] = (byte) (p >> 16);
                rgb[o++] = (byte) (p >> 8);
                rgb[o++] = (byte) p;
            }
        }
    }

    private static byte to8Bits(int sample, int bits) {
        if (bits == 8) {
            return (byte) sample;
        }
        long max = (1L << bits) - 1;
        long clamped = Math.max(0, Math.min(max, sample & 0xffffffffL));
        return (byte) ((clamped * 255 + max / 2) / max);
    }
}
