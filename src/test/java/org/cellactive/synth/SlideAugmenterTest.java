package org.cellactive.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Boxes move with their pixels: each pixel of a slide is unique, so a box's pixel set must survive. */
class SlideAugmenterTest {
    private static final int W = 9;
    private static final int H = 6;

    /** Every pixel a different value: {@code offset + y * W + x}. */
    private static LabelledSlide slide(int offset, List<LabelledSlide.Box> boxes) {
        int[] rgb = new int[W * H];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = offset + i;
        }
        return new LabelledSlide(W, H, rgb, boxes);
    }

    private static Set<Integer> pixelsUnder(LabelledSlide s, LabelledSlide.Box b) {
        Set<Integer> values = new TreeSet<>();
        for (int y = b.ymin() - 1; y < b.ymax(); y++) {
            for (int x = b.xmin() - 1; x < b.xmax(); x++) {
                values.add(s.rgbAt(x, y));
            }
        }
        return values;
    }

    @Test
    void everyTurnAndMirrorKeepsEachBoxOnItsPixels() {
        LabelledSlide.Box corner = new LabelledSlide.Box("RBC", 1, 1, 3, 2);
        LabelledSlide.Box inner = new LabelledSlide.Box("WBC", 4, 2, 8, 6);
        LabelledSlide src = slide(0, List.of(corner, inner));
        for (int turns = 0; turns < 4; turns++) {
            for (boolean mirror : new boolean[] {false, true}) {
                LabelledSlide out = SlideAugmenter.turn(src, turns, mirror);
                assertEquals(turns % 2 == 0 ? W : H, out.width());
                for (int i = 0; i < 2; i++) {
                    LabelledSlide.Box b = out.boxes().get(i);
                    assertTrue(b.xmin() >= 1 && b.xmax() <= out.width() && b.ymin() >= 1 && b.ymax() <= out.height(),
                            b.toString());
                    assertEquals(pixelsUnder(src, src.boxes().get(i)), pixelsUnder(out, b),
                            "turns " + turns + " mirror " + mirror + " box " + b);
                }
            }
        }
    }

    @Test
    void mosaicTakesEachQuadrantFromItsSlideWithItsBoxes() {
        // W = 9, H = 6: quadrants split at x = 4 and y = 3 (0-based), VOC 1..4 | 5..9, 1..3 | 4..6.
        LabelledSlide.Box topLeft = new LabelledSlide.Box("RBC", 1, 1, 2, 2);     // inside quadrant 0
        LabelledSlide.Box straddling = new LabelledSlide.Box("RBC", 3, 1, 8, 2);  // 2 of 6 columns in quadrant 0
        LabelledSlide.Box bottomRight = new LabelledSlide.Box("WBC", 6, 4, 9, 6); // inside quadrant 3
        LabelledSlide[] four = new LabelledSlide[4];
        for (int q = 0; q < 4; q++) {
            four[q] = slide(1000 * (q + 1), List.of(topLeft, straddling, bottomRight));
        }
        LabelledSlide out = SlideAugmenter.mosaic(four);
        assertEquals(four[0].rgbAt(0, 0), out.rgbAt(0, 0));
        assertEquals(four[1].rgbAt(W - 1, 0), out.rgbAt(W - 1, 0));
        assertEquals(four[2].rgbAt(0, H - 1), out.rgbAt(0, H - 1));
        assertEquals(four[3].rgbAt(W - 1, H - 1), out.rgbAt(W - 1, H - 1));
        List<LabelledSlide.Box> expected = new ArrayList<>(List.of(topLeft,
                new LabelledSlide.Box("RBC", 5, 1, 8, 2), bottomRight));
        assertEquals(expected, out.boxes(), "the straddling box: a third in quadrant 0 (dropped), two thirds in 1");
        assertEquals(pixelsUnder(four[0], topLeft), pixelsUnder(out, topLeft));
        assertEquals(pixelsUnder(four[3], bottomRight), pixelsUnder(out, bottomRight));
    }

    @Test
    void generateIsDeterministicAndJitterIsSmall() {
        LabelledSlide src = slide(0x808080, List.of(new LabelledSlide.Box("RBC", 2, 2, 5, 4)));
        LabelledSlide a = SlideAugmenter.generate(5, i -> src, 42);
        LabelledSlide b = SlideAugmenter.generate(5, i -> src, 42);
        assertEquals(a.boxes(), b.boxes());
        assertTrue(java.util.Arrays.equals(a.rgb(), b.rgb()));
        LabelledSlide j = SlideAugmenter.jitter(src, new double[] {1.05, 0.95, 1.0}, 8);
        int p = j.rgbAt(0, 0);
        assertEquals(Math.round(0x80 * 1.05 + 8), p >> 16 & 0xff);
        assertEquals(Math.round(0x80 * 0.95 + 8), p >> 8 & 0xff);
        assertEquals(0x80 + 8, p & 0xff);
    }
}
