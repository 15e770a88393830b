package org.cellactive.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** CMYK JPEGs without an ICC profile, as Photoshop-era scanners write them, for tests. */
public final class CmykJpegs {
    private CmykJpegs() {
    }

    /**
     * The JDK's own JPEG writer writes a 4-band raster's samples as they are, with no ICC profile;
     * an Adobe APP14 segment (transform 0) after SOI says they are CMYK, as Photoshop's files do.
     * Adobe's CMYK samples are stored inverted: 255 is no ink.
     */
    public static byte[] encode(Raster cmykInverted) throws IOException {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageWriter")) {
                writer = w;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("the JDK's JPEG writer is missing");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(cmykInverted, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] plain = out.toByteArray();
        byte[] adobe = {(byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteBuffer jpeg = ByteBuffer.allocate(plain.length + adobe.length);
        jpeg.put(plain, 0, 2).put(adobe).put(plain, 2, plain.length - 2);
        return jpeg.array();
    }

    /** An RGB image as naive CMYK (C = 1 - R, ..., no black ink), stored the Adobe way. */
    public static byte[] fromRgb(BufferedImage rgb) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, rgb.getWidth(), rgb.getHeight(),
                4, null);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int p = rgb.getRGB(x, y);
                // Inverted C, M, Y are R, G, B themselves; inverted K = 255 is no black ink.
                raster.setPixel(x, y, new int[] {p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff, 255});
            }
        }
        return encode(raster);
    }
}
