package org.cellactive.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.cellactive.reject.RejectedException;

/**
 * Decodes image files (JPEG, PNG, TIFF, BMP, GIF: whatever ImageIO and TwelveMonkeys read)
 * into {@link RgbImage}s, and refuses what it cannot or should not decode.
 *
 * <p>Every file is treated as hostile. The size in the header is checked against
 * {@code maxPixels} before any pixel is decoded, so a small file that claims to be huge
 * costs nothing. A file whose reader warns that pixels are missing (a JPEG that ends early
 * decodes to a gray band, with only a warning) is refused like one it fails on; other
 * warnings (a CMYK JPEG without an ICC profile) go to the {@link ReaderWarnings} and the image
 * is decoded ({@link ReaderWarnings#meansMissingPixels}). The only exception that
 * leaves {@link #decode} is {@link RejectedException} with stage DECODE.
 *
 * <p>Colours: 8-bit sRGB and gray samples are taken as they are; 16-bit samples are
 * rounded to 8 bits; palettes are looked up; other colour spaces (CMYK, YCCK, linear)
 * are converted to sRGB by Java2D. Alpha is ignored.
 */
public final class ImageDecoder implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final RejectedException.Stage DECODE = RejectedException.Stage.DECODE;

    /** Per class loader, so once per JVM for the application jar. */
    private static volatile boolean pluginsScanned;

    private final long maxPixels;
    private final ReaderWarnings warnings;

    /** @param maxPixels the largest width x height accepted (the {@code --max-image-pixels} option) */
    public ImageDecoder(long maxPixels) {
        this(maxPixels, ReaderWarnings.IGNORED);
    }

    /**
     * @param maxPixels the largest width x height accepted (the {@code --max-image-pixels} option)
     * @param warnings  told of each reader warning of an image that is still decoded
     */
    public ImageDecoder(long maxPixels, ReaderWarnings warnings) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
        this.warnings = warnings;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Decodes one file.
     *
     * @param bytes the whole file
     * @param source where the bytes came from; not repeated in the reason, since the reject row names the file
     * @throws RejectedException stage DECODE: empty, unknown format, too large, truncated or corrupt
     */
    public RgbImage decode(byte[] bytes, String source) throws RejectedException {
        if (bytes == null || bytes.length == 0) {
            throw new RejectedException(DECODE, "empty file");
        }
        scanPluginsOnce();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = firstReader(in, bytes);
            try {
                return read(reader, in);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // Only close() gets here; the reads inside turn their IOExceptions into rejections.
            throw new RejectedException(DECODE, "cannot read: " + message(e), e);
        }
    }

    /**
     * Registers the TwelveMonkeys readers of the application jar. ImageIO scans for plugins
     * once, with the class loader of the thread that first touches it; on a Spark executor that
     * may predate the application jar, and CMYK JPEGs would then fail with the JDK's reader.
     */
    private static void scanPluginsOnce() {
        if (!pluginsScanned) {
            synchronized (ImageDecoder.class) {
                if (!pluginsScanned) {
                    ImageIO.scanForPlugins();
                    pluginsScanned = true;
                }
            }
        }
    }

    private static ImageReader firstReader(ImageInputStream in, byte[] bytes) throws RejectedException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new RejectedException(DECODE, "unknown image format (file starts with " + firstBytes(bytes) + ")");
        }
        return readers.next();
    }

    private RgbImage read(ImageReader reader, ImageInputStream in) throws RejectedException {
        String format = formatName(reader);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
        reader.setInput(in, true, true);
        int[] size = checkSize(reader, format);
        BufferedImage image;
        try {
            image = reader.read(0, readParam(reader, size));
        } catch (IOException | RuntimeException e) {
            // Readers throw IIOException, EOFException, but also IndexOutOfBounds,
            // IllegalArgument, NegativeArraySize... on crafted files.
            throw new RejectedException(DECODE, "corrupt or truncated " + format + ": " + message(e), e);
        } catch (OutOfMemoryError e) {
            // One large array failed to allocate; the heap is fine again once it is dropped.
            throw new RejectedException(DECODE, "out of memory decoding this " + format
                    + "; lower --max-image-pixels or give executors more memory");
        }
        for (String warning : warnings) {
            if (ReaderWarnings.meansMissingPixels(warning)) {
                throw new RejectedException(DECODE, "corrupt or truncated " + format + ": " + warning);
            }
        }
        if (image == null) {
            throw new RejectedException(DECODE, "the " + format + " reader returned no image");
        }
        for (String warning : warnings) {
            this.warnings.warned(format + ": " + warning);
        }
        try {
            return RasterToRgb.convert(image);
        } catch (RuntimeException e) {
            throw new RejectedException(DECODE, "cannot convert " + format + " pixels to RGB: " + message(e), e);
        }
    }

    /**
     * Asks for the pixels in R, G, B byte order where the reader would deliver 8-bit B, G, R
     * ({@code TYPE_3BYTE_BGR}, a JPEG's default): readers copy each decoded row into a B, G, R
     * image byte by byte, but into an R, G, B one with one array copy, the order they decode in.
     * On BCCD that takes a third off the decoding time (docs/benchmarks.md). Files with other
     * colour spaces (gray, CMYK, palettes) are read as their reader chooses. Readers may read past
     * the header to answer (a PNG's metadata chunks, for one): their exceptions are the read's.
     *
     * @param size the image's width and height, already checked
     */
    private static ImageReadParam readParam(ImageReader reader, int[] size) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        ImageTypeSpecifier delivered = types.hasNext() ? types.next() : null;
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (delivered != null && delivered.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR
                && raw != null && raw.getColorModel().getNumComponents() == 3) {
            param.setDestination(RasterToRgb.rgbOrderImage(size[0], size[1]));
        }
        return param;
    }

    /** The width and height from the header, checked against {@code maxPixels}. */
    private int[] checkSize(ImageReader reader, String format) throws RejectedException {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new RejectedException(DECODE, "corrupt " + format + " header: " + message(e), e);
        }
        if (width <= 0 || height <= 0) {
            throw new RejectedException(DECODE, "the " + format + " header gives an empty size " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new RejectedException(DECODE, String.format(Locale.ROOT,
                    "image is %dx%d = %.1f megapixels, over the limit of %.1f (--max-image-pixels)",
                    width, height, pixels / 1e6, maxPixels / 1e6));
        }
        return new int[] {width, height};
    }

    private static String formatName(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String firstBytes(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            s.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xff));
        }
        return s.toString();
    }
}
