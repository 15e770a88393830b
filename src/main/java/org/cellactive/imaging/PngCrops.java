package org.cellactive.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * Writes crops as 8-bit RGB PNG files, for people to look at (the labelling pages).
 * Plane values are scaled by 255, rounded and clamped to 0..255, so a crop from an
 * {@link RgbImage} gives back its original bytes.
 */
public final class PngCrops {
    private PngCrops() {
    }

    /** Writes {@code crop} to {@code out} as a PNG; does not close {@code out}. */
    public static void write(CellImage crop, OutputStream out) throws IOException {
        if (!ImageIO.write(toBufferedImage(crop), "png", out)) {
            throw new IOException("no PNG writer available in this JVM");
        }
    }

    /** The PNG file's bytes. */
    public static byte[] toPng(CellImage crop) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            write(crop, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding into memory failed", e);
        }
        return bytes.toByteArray();
    }

    static BufferedImage toBufferedImage(CellImage crop) {
        BufferedImage image = new BufferedImage(crop.width(), crop.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        float[] r = crop.red();
        float[] g = crop.green();
        float[] b = crop.blue();
        for (int i = 0, o = 0; i < r.length; i++, o += 3) {
            bgr[o] = toByte(b[i]);
            bgr[o + 1] = toByte(g[i]);
            bgr[o + 2] = toByte(r[i]);
        }
        return image;
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
