package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.cellactive.reject.RejectedException;

class CellSegmenterTest {
    private static final float BRIGHT = 0.85f;
    private static final float DARK = 0.35f;

    /** A bright canvas on which tests paint dark disks and rings; counts the pixels it paints. */
    private static final class Canvas {
        final int w;
        final int h;
        final float[] gray;

        Canvas(int w, int h) {
            this.w = w;
            this.h = h;
            gray = new float[w * h];
            Arrays.fill(gray, BRIGHT);
        }

        /** Paints pixels whose centre lies within [inner, outer] of (cx, cy); returns how many. */
        int ring(double cx, double cy, double inner, double outer, float value) {
            int painted = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    if (d2 <= outer * outer && d2 >= inner * inner) {
                        gray[y * w + x] = value;
                        painted++;
                    }
                }
            }
            return painted;
        }

        int disk(double cx, double cy, double r) {
            return ring(cx, cy, 0, r, DARK);
        }

        CellImage image() {
            return CellImage.ofGray(w, h, gray);
        }
    }

    private static ObjectMask segment(Canvas canvas, ThresholdMethod method) throws RejectedException {
        return new CellSegmenter(method).segment(canvas.image());
    }

    @Test
    void darkDiskIsFoundWhole() throws RejectedException {
        for (ThresholdMethod method : ThresholdMethod.values()) {
            Canvas c = new Canvas(80, 70);
            int painted = c.disk(40, 35, 20);
            ObjectMask mask = segment(c, method);
            assertEquals(painted, mask.area(), method.name());
            assertEquals(Math.PI * 20 * 20, mask.area(), 0.02 * Math.PI * 400, method.name());
            assertTrue(mask.contains(40, 35));
            assertFalse(mask.contains(5, 5));
        }
    }

    @Test
    void holeOfARingIsFilled() throws RejectedException {
        Canvas c = new Canvas(60, 60);
        c.ring(30, 30, 10, 20, DARK);
        ObjectMask mask = segment(c, ThresholdMethod.OTSU);
        Canvas filled = new Canvas(60, 60);
        assertEquals(filled.disk(30, 30, 20), mask.area());
        assertTrue(mask.contains(30, 30));
    }

    @Test
    void gapTouchingTheBorderIsNotAHole() throws RejectedException {
        // A C shape whose opening reaches the crop border: the inside stays background.
        Canvas c = new Canvas(40, 40);
        int ring = c.ring(20, 20, 8, 14, DARK);
        int cut = 0;
        for (int y = 18; y <= 22; y++) {
            for (int x = 20; x < 40; x++) {
                if (c.gray[y * 40 + x] == DARK) {
                    cut++;
                }
                c.gray[y * 40 + x] = BRIGHT;
            }
        }
        ObjectMask mask = new CellSegmenter(ThresholdMethod.OTSU).segment(c.image());
        assertEquals(ring - cut, mask.area());
    }

    @Test
    void componentUnderTheCentreWinsOverALargerOne() throws RejectedException {
        Canvas c = new Canvas(100, 100);
        int centre = c.disk(50, 50, 8);
        c.disk(15, 15, 13);
        assertEquals(centre, segment(c, ThresholdMethod.OTSU).area());
    }

    @Test
    void largestComponentWinsWhenTheCentreIsBackground() throws RejectedException {
        Canvas c = new Canvas(100, 100);
        c.disk(20, 20, 8);
        int large = c.disk(75, 75, 12);
        ObjectMask mask = segment(c, ThresholdMethod.OTSU);
        assertEquals(large, mask.area());
        assertTrue(mask.contains(75, 75));
    }

    @Test
    void equalComponentsAreSettledByDistanceToTheCentre() throws RejectedException {
        Canvas c = new Canvas(100, 100);
        c.disk(12, 12, 7);
        c.disk(70, 70, 7);
        ObjectMask mask = segment(c, ThresholdMethod.OTSU);
        assertTrue(mask.contains(70, 70));
        assertFalse(mask.contains(12, 12));
    }

    @Test
    void diagonalNeighboursAreOneObject() throws RejectedException {
        float[] gray = new float[5 * 5];
        Arrays.fill(gray, BRIGHT);
        for (int i = 0; i < 5; i++) {
            gray[i * 5 + i] = DARK;  // a diagonal line through the centre
        }
        ObjectMask mask = new CellSegmenter(ThresholdMethod.OTSU).segment(CellImage.ofGray(5, 5, gray));
        assertEquals(5, mask.area());
    }

    @Test
    void oneColumnCropWorks() throws RejectedException {
        float[] gray = {0.9f, 0.2f, 0.2f, 0.9f, 0.2f};
        ObjectMask mask = new CellSegmenter(ThresholdMethod.OTSU).segment(CellImage.ofGray(1, 5, gray));
        // The centre pixel (0, 2) is dark: its component is rows 1 and 2, not row 4.
        assertEquals(2, mask.area());
        assertTrue(mask.contains(0, 1));
        assertFalse(mask.contains(0, 4));
    }

    @Test
    void uniformCropIsRejected() {
        float[] gray = new float[30 * 20];
        Arrays.fill(gray, 0.5f);
        RejectedException e = assertThrows(RejectedException.class,
                () -> new CellSegmenter(ThresholdMethod.LI).segment(CellImage.ofGray(30, 20, gray)));
        assertEquals(RejectedException.Stage.SEGMENT, e.stage());
        assertEquals("no object found: crop is uniform (gray 0.5000)", e.reason());
    }

    @Test
    void realBccdCellIsFound() throws Exception {
        // BloodImage_00000, first RBC box in its VOC file: xmin 78, ymin 336, xmax 184, ymax 435.
        RgbImage image = new ImageDecoder(100_000_000L).decode(
                ImageDecoderTest.bccdJpeg("BloodImage_00000.jpg"), "BloodImage_00000.jpg");
        CellImage crop = image.crop(PixelBox.fromVoc(78, 336, 184, 435, 640, 480));
        for (ThresholdMethod method : ThresholdMethod.values()) {
            ObjectMask mask = new CellSegmenter(method).segment(crop);
            double fraction = mask.area() / (double) crop.pixelCount();
            // A red cell fills much of its box, but not all of it.
            assertTrue(fraction > 0.3 && fraction < 0.95, method + " fraction " + fraction);
        }
    }

    @Test
    void matchesAPixelByPixelReferenceOnRandomMasks() throws RejectedException {
        // Random dark/bright patterns of many densities: many components, holes, and holes cut by
        // the border. The reference fills and labels one pixel at a time, as the class comment says.
        java.util.Random random = new java.util.Random(5);
        CellSegmenter segmenter = new CellSegmenter(ThresholdMethod.OTSU);
        for (int trial = 0; trial < 400; trial++) {
            int w = 1 + random.nextInt(trial < 200 ? 12 : 60);
            int h = 1 + random.nextInt(trial < 200 ? 12 : 60);
            double density = random.nextDouble();
            float[] gray = new float[w * h];
            boolean[] dark = new boolean[w * h];
            for (int i = 0; i < gray.length; i++) {
                dark[i] = random.nextDouble() < density;
                gray[i] = dark[i] ? DARK : BRIGHT;
            }
            boolean anyDark = false;
            boolean anyBright = false;
            for (boolean d : dark) {
                anyDark |= d;
                anyBright |= !d;
            }
            if (!anyDark || !anyBright) {
                continue;
            }
            boolean[] expected = referenceSegmentation(dark, w, h);
            boolean[] actual = segmenter.segment(CellImage.ofGray(w, h, gray)).inside();
            assertTrue(Arrays.equals(expected, actual), "trial " + trial + ", " + w + "x" + h);
        }
    }

    /** Fill holes (4-connected background not reaching the border), then the chosen 8-connected object. */
    private static boolean[] referenceSegmentation(boolean[] dark, int w, int h) {
        boolean[] fg = dark.clone();
        boolean[] outside = new boolean[w * h];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && !fg[i]) {
                    outside[i] = true;
                    queue.add(i);
                }
            }
        }
        int[][] four = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (int[] d : four) {
                int x = i % w + d[0];
                int y = i / w + d[1];
                if (x >= 0 && y >= 0 && x < w && y < h && !fg[y * w + x] && !outside[y * w + x]) {
                    outside[y * w + x] = true;
                    queue.add(y * w + x);
                }
            }
        }
        for (int i = 0; i < fg.length; i++) {
            fg[i] = !outside[i];
        }
        int[] label = new int[w * h];
        List<List<Integer>> components = new java.util.ArrayList<>();
        for (int start = 0; start < fg.length; start++) {
            if (!fg[start] || label[start] != 0) continue;
            List<Integer> members = new java.util.ArrayList<>();
            label[start] = components.size() + 1;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                members.add(i);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int x = i % w + dx;
                        int y = i / w + dy;
                        if (x >= 0 && y >= 0 && x < w && y < h && fg[y * w + x] && label[y * w + x] == 0) {
                            label[y * w + x] = components.size() + 1;
                            queue.add(y * w + x);
                        }
                    }
                }
            }
            components.add(members);
        }
        int centre = (h / 2) * w + w / 2;
        int chosen;
        if (fg[centre]) {
            chosen = label[centre] - 1;
        } else {
            chosen = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < components.size(); k++) {
                List<Integer> c = components.get(k);
                double sx = 0;
                double sy = 0;
                for (int i : c) {
                    sx += i % w;
                    sy += i / w;
                }
                double distance = Math.hypot(sx / c.size() - (w - 1) / 2.0, sy / c.size() - (h - 1) / 2.0);
                int size = c.size();
                int bestSize = components.get(chosen).size();
                if (size > bestSize || (size == bestSize && distance < bestDistance)) {
                    chosen = k;
                    bestDistance = distance;
                }
            }
        }
        boolean[] inside = new boolean[w * h];
        for (int i : components.get(chosen)) {
            inside[i] = true;
        }
        return inside;
    }
}
