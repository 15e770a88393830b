package org.cellactive.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * New slides made from real ones, for scale runs whose images decode and segment like real
 * smears (the cartoon discs of {@link SyntheticSmear} do not): quarter turns and mirror images,
 * a small colour and brightness jitter, and mosaics of four slides' quadrants. Boxes move with
 * their pixels, so every box still frames its cell.
 *
 * <p>Pixel (x, y) here is 0-based; a VOC box covers pixels {@code xmin - 1 .. xmax - 1}.
 */
public final class SlideAugmenter {
    /** A mosaic keeps a box cut by a quadrant edge when at least this share of it is inside. */
    static final double MIN_KEPT_SHARE = 0.5;

    private SlideAugmenter() {
    }

    /**
     * One new slide from {@code sources} (all the same size for mosaics), decided by {@code seed}:
     * a mosaic one time in four, else one source turned and mirrored; then a jitter.
     *
     * @param pick returns the source with the given index, {@code 0 <= i < count}
     */
    public static LabelledSlide generate(int count, java.util.function.IntFunction<LabelledSlide> pick, long seed) {
        Random random = new Random(seed);
        LabelledSlide slide;
        if (count >= 4 && random.nextInt(4) == 0) {
            LabelledSlide[] four = new LabelledSlide[4];
            for (int q = 0; q < 4; q++) {
                four[q] = pick.apply(random.nextInt(count));
            }
            slide = sameSize(four) ? mosaic(four) : four[0];
        } else {
            slide = pick.apply(random.nextInt(count));
        }
        slide = turn(slide, random.nextInt(4), random.nextBoolean());
        double[] gain = {1 + (random.nextDouble() - 0.5) * 0.1, 1 + (random.nextDouble() - 0.5) * 0.1,
            1 + (random.nextDouble() - 0.5) * 0.1};
        return jitter(slide, gain, random.nextInt(17) - 8);
    }

    /**
     * {@code quarterTurns} clockwise turns by 90°, after mirroring left-right if {@code mirror}.
     */
    public static LabelledSlide turn(LabelledSlide s, int quarterTurns, boolean mirror) {
        LabelledSlide out = mirror ? mirror(s) : s;
        for (int i = 0; i < (quarterTurns & 3); i++) {
            out = turnClockwise(out);
        }
        return out;
    }

    private static LabelledSlide mirror(LabelledSlide s) {
        int w = s.width();
        int[] rgb = new int[s.rgb().length];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * w + (w - 1 - x)] = s.rgbAt(x, y);
            }
        }
        List<LabelledSlide.Box> boxes = new ArrayList<>();
        for (LabelledSlide.Box b : s.boxes()) {
            // pixel x -> w - 1 - x, so VOC xmin..xmax -> w + 1 - xmax .. w + 1 - xmin
            boxes.add(new LabelledSlide.Box(b.name(), w + 1 - b.xmax(), b.ymin(), w + 1 - b.xmin(), b.ymax()));
        }
        return new LabelledSlide(w, s.height(), rgb, boxes);
    }

    private static LabelledSlide turnClockwise(LabelledSlide s) {
        int w = s.width();
        int h = s.height();
        int[] rgb = new int[s.rgb().length];
        // pixel (x, y) -> (h - 1 - y, x) in an h-wide image
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[x * h + (h - 1 - y)] = s.rgbAt(x, y);
            }
        }
        List<LabelledSlide.Box> boxes = new ArrayList<>();
        for (LabelledSlide.Box b : s.boxes()) {
            boxes.add(new LabelledSlide.Box(b.name(), h + 1 - b.ymax(), b.xmin(), h + 1 - b.ymin(), b.xmax()));
        }
        return new LabelledSlide(h, w, rgb, boxes);
    }

    /**
     * Quadrant q (0 top left, 1 top right, 2 bottom left, 3 bottom right) of the result is quadrant q
     * of {@code four[q]}. A box cut by a quadrant edge is clipped to it, and kept if at least
     * {@link #MIN_KEPT_SHARE} of its area remains; a cell cut off more than that is left unannotated.
     */
    public static LabelledSlide mosaic(LabelledSlide[] four) {
        int w = four[0].width();
        int h = four[0].height();
        int midX = w / 2;
        int midY = h / 2;
        int[] rgb = new int[w * h];
        List<LabelledSlide.Box> boxes = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            int x0 = (q & 1) == 0 ? 0 : midX;
            int x1 = (q & 1) == 0 ? midX : w;
            int y0 = q < 2 ? 0 : midY;
            int y1 = q < 2 ? midY : h;
            LabelledSlide src = four[q];
            for (int y = y0; y < y1; y++) {
                System.arraycopy(src.rgb(), y * w + x0, rgb, y * w + x0, x1 - x0);
            }
            for (LabelledSlide.Box b : src.boxes()) {
                // VOC corners of the quadrant: x0 + 1 .. x1
                int xmin = Math.max(b.xmin(), x0 + 1);
                int xmax = Math.min(b.xmax(), x1);
                int ymin = Math.max(b.ymin(), y0 + 1);
                int ymax = Math.min(b.ymax(), y1);
                long kept = (long) Math.max(0, xmax - xmin + 1) * Math.max(0, ymax - ymin + 1);
                long whole = (long) Math.max(0, b.xmax() - b.xmin() + 1) * Math.max(0, b.ymax() - b.ymin() + 1);
                if (whole > 0 && kept >= MIN_KEPT_SHARE * whole) {
                    boxes.add(new LabelledSlide.Box(b.name(), xmin, ymin, xmax, ymax));
                }
            }
        }
        return new LabelledSlide(w, h, rgb, boxes);
    }

    /** Each channel times its gain, plus {@code brightness}, clamped to 0..255. Boxes do not move. */
    public static LabelledSlide jitter(LabelledSlide s, double[] gain, int brightness) {
        int[] rgb = new int[s.rgb().length];
        for (int i = 0; i < rgb.length; i++) {
            int p = s.rgb()[i];
            int r = clamp((p >> 16 & 0xff) * gain[0] + brightness);
            int g = clamp((p >> 8 & 0xff) * gain[1] + brightness);
            int b = clamp((p & 0xff) * gain[2] + brightness);
            rgb[i] = r << 16 | g << 8 | b;
        }
        return new LabelledSlide(s.width(), s.height(), rgb, s.boxes());
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static boolean sameSize(LabelledSlide[] slides) {
        for (LabelledSlide s : slides) {
            if (s.width() != slides[0].width() || s.height() != slides[0].height()) {
                return false;
            }
        }
        return true;
    }
}
