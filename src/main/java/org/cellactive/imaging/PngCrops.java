package org.cellactive.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes crops as 8-bit RGB PNG files, for people to look at (the labelling pages).
 * Plane values are scaled by 255, rounded and clamped to 0..255, so a crop from an
 * {@link RgbImage} gives back its original bytes (a crop cut from an 8-bit image is written
 * from those bytes directly).
 *
 * <p>The file is the plainest valid PNG (PNG spec, 2nd ed.): the signature, IHDR (8-bit
 * truecolour, no interlace), one IDAT and IEND, with the JDK's own zlib ({@link Deflater}) and
 * {@link CRC32}. Every row uses filter type 2 ("Up") and the stream is Huffman-coded only.
 * ImageIO's PNG writer tries all five filters on every row in Java and then deflates at level 9:
 * on a 220 × 220 BCCD crop that was about 2 to 3 times slower and a third larger than this.
 */
public final class PngCrops {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_UP = 2;

    private PngCrops() {
    }

    /** Writes {@code crop} to {@code out} as a PNG; does not close {@code out}. */
    public static void write(CellImage crop, OutputStream out) throws IOException {
        out.write(toPng(crop));
    }

    /** The PNG file's bytes. */
    public static byte[] toPng(CellImage crop) {
        int w = crop.width();
        int h = crop.height();
        byte[] rgb = interleavedRgb(crop);
        int stride = 3 * w;
        byte[] filtered = new byte[h * (stride + 1)];
        for (int y = 0, o = 0; y < h; y++) {
            filtered[o++] = FILTER_UP;
            int row = y * stride;
            if (y == 0) {
                System.arraycopy(rgb, 0, filtered, o, stride);
            } else {
                for (int x = 0; x < stride; x++) {
                    filtered[o + x] = (byte) (rgb[row + x] - rgb[row - stride + x]);
                }
            }
            o += stride;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(filtered.length / 2 + 128);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = 8;   // bits per sample
        header[9] = 2;   // colour type: truecolour
        // compression 0 (zlib), filter method 0, interlace 0 (none)
        chunk(out, "IHDR", header, header.length);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setStrategy(Deflater.HUFFMAN_ONLY);
            deflater.setInput(filtered);
            deflater.finish();
            byte[] z = new byte[Math.max(64, filtered.length + filtered.length / 8 + 64)];
            int n = 0;
            while (!deflater.finished()) {
                if (n == z.length) {
                    z = java.util.Arrays.copyOf(z, z.length * 2);
                }
                n += deflater.deflate(z, n, z.length - n);
            }
            chunk(out, "IDAT", z, n);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** R, G, B per pixel, row-major: the crop's own bytes when it has them, else its planes scaled. */
    static byte[] interleavedRgb(CellImage crop) {
        int n = crop.pixelCount();
        byte[] rgb = new byte[3 * n];
        ByteLevels levels = crop.levels();
        if (levels != null) {
            byte[] r = levels.red();
            byte[] g = levels.green();
            byte[] b = levels.blue();
            for (int i = 0, o = 0; i < n; i++, o += 3) {
                rgb[o] = r[i];
                rgb[o + 1] = g[i];
                rgb[o + 2] = b[i];
            }
            return rgb;
        }
        float[] r = crop.red();
        float[] g = crop.green();
        float[] b = crop.blue();
        for (int i = 0, o = 0; i < n; i++, o += 3) {
            rgb[o] = toByte(r[i]);
            rgb[o + 1] = toByte(g[i]);
            rgb[o + 2] = toByte(b[i]);
        }
        return rgb;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] four = new byte[4];
        putInt(four, 0, length);
        out.writeBytes(four);
        out.writeBytes(name);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        putInt(four, 0, (int) crc.getValue());
        out.writeBytes(four);
    }

    private static void putInt(byte[] a, int at, int v) {
        a[at] = (byte) (v >>> 24);
        a[at + 1] = (byte) (v >>> 16);
        a[at + 2] = (byte) (v >>> 8);
        a[at + 3] = (byte) v;
    }

    private static byte toByte(float v) {
        // NaN falls to 0 through the comparisons.
        if (!(v > 0f)) {
            return 0;
        }
        if (v >= 1f) {
            return (byte) 255;
        }
        return (byte) Math.round(v * 255f);
    }
}
