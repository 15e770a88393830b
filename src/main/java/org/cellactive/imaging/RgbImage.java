package org.cellactive.imaging;

import java.util.Objects;

/**
 * A whole decoded image, 8 bits per channel, stored interleaved (three bytes per pixel,
 * row-major) in one byte array, so a 640x480 image is 900 KiB. The order within a pixel is
 * R, G, B, or B, G, R as JPEG decoders deliver it: keeping the decoder's order spares a pass
 * over every pixel. Immutable: the array is never handed out.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] rgb;
    /** Offsets of red and blue within a pixel: 0 and 2 for R, G, B order; 2 and 0 for B, G, R. */
    private final int redAt;
    private final int blueAt;

    private RgbImage(int width, int height, byte[] rgb, boolean bgr) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.redAt = bgr ? 2 : 0;
        this.blueAt = bgr ? 0 : 2;
    }

    /** Copies {@code rgbInterleaved} (R, G, B per pixel, row-major). */
    public static RgbImage of(int width, int height, byte[] rgbInterleaved) {
        return wrap(width, height, Objects.requireNonNull(rgbInterleaved, "pixels").clone(), false);
    }

    /**
     * Takes ownership of the array without copying: for the decoder, which built it.
     *
     * @param bgr true when each pixel is stored B, G, R rather than R, G, B
     */
    static RgbImage wrap(int width, int height, byte[] rgbInterleaved, boolean bgr) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        long expected = 3L * width * height;
        if (rgbInterleaved.length != expected) {
            throw new IllegalArgumentException(
                    "pixel array of " + rgbInterleaved.length + " bytes, expected " + expected
                            + " for " + width + "x" + height + " RGB");
        }
        return new RgbImage(width, height, rgbInterleaved, bgr);
    }

    public int width() { return width; }
    public int height() { return height; }

    /** Red, green and blue of one pixel packed as 0xRRGGBB. */
    public int rgbAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + "," + y + ") outside " + width + "x" + height);
        }
        int i = 3 * (y * width + x);
        return (rgb[i + redAt] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + blueAt] & 0xff);
    }

    /**
     * One colour channel of the whole image as a new row-major array of bytes (0..255), for
     * whole-image work such as segmentation.
     *
     * @param channel RED, GREEN or BLUE
     */
    public byte[] channel(Channel channel) {
        int at;
        switch (channel) {
            case RED: at = redAt; break;
            case GREEN: at = 1; break;
            case BLUE: at = blueAt; break;
            default: throw new IllegalArgumentException("not a colour channel: " + channel);
        }
        byte[] out = new byte[width * height];
        for (int i = 0, j = at; i < out.length; i++, j += 3) {
            out[i] = rgb[j];
        }
        return out;
    }

    /**
     * The pixels under {@code box}: their bytes and gray codes ({@link CellImage#levels()}), from
     * which the crop makes its planes scaled to 0..1 (gray = mean of R, G, B) when asked.
     *
     * @throws IllegalArgumentException if the box does not lie inside the image; boxes from
     *         {@link PixelBox#fromVoc} with this image's size always do
     */
    public CellImage crop(PixelBox box) {
        if (!box.fitsIn(width, height)) {
            throw new IllegalArgumentException("box " + box + " outside the " + width + "x" + height + " image");
        }
        int w = box.width();
        int h = box.height();
        int n = w * h;
        byte[] redLevel = new byte[n];
        byte[] greenLevel = new byte[n];
        byte[] blueLevel = new byte[n];
        short[] grayCode = new short[n];
        int o = 0;
        for (int y = box.y0(); y < box.y1(); y++) {
            int i = 3 * (y * width + box.x0());
            for (int x = 0; x < w; x++, o++, i += 3) {
                byte rb = rgb[i + redAt];
                byte gb = rgb[i + 1];
                byte bb = rgb[i + blueAt];
                int rl = rb & 0xff;
                int gl = gb & 0xff;
                int bl = bb & 0xff;
                // The sum CellImage.grayOf divides by 3, added in its order.
                float sum = ByteLevels.value(rl) + ByteLevels.value(gl) + ByteLevels.value(bl);
                redLevel[o] = rb;
                greenLevel[o] = gb;
                blueLevel[o] = bb;
                grayCode[o] = (short) GrayCodes.codeOfSum(rl + gl + bl, sum);
            }
        }
        return CellImage.of8Bit(w, h, new ByteLevels(redLevel, greenLevel, blueLevel, grayCode));
    }

    /** The whole image as a crop: for tests and small images. */
    public CellImage toCellImage() {
        return crop(new PixelBox(0, 0, width, height));
    }
}
