package org.cellactive.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The building blocks against brute force or known answers. */
class SegmentationPartsTest {

    @Test
    void distanceTransformIsExact() {
        Random random = new Random(3);
        int w = 37;
        int h = 23;
        byte[] mask = new byte[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) (random.nextInt(10) < 8 ? 1 : 0);
        }
        float[] d = DistanceTransform.of(mask, w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double best = mask[y * w + x] == 0 ? 0 : Double.MAX_VALUE;
                if (best > 0) {
                    // The border counts as background: the nearest pixel outside the image.
                    best = Math.min(Math.min(x + 1, w - x), Math.min(y + 1, h - y));
                    for (int yy = 0; yy < h; yy++) {
                        for (int xx = 0; xx < w; xx++) {
                            if (mask[yy * w + xx] == 0) {
                                best = Math.min(best, Math.hypot(x - xx, y - yy));
                            }
                        }
                    }
                }
                assertEquals(best, d[y * w + x], 1e-4, "at " + x + "," + y);
            }
        }
    }

    @Test
    void maxFilterMatchesBruteForce() {
        Random random = new Random(5);
        int w = 29;
        int h = 17;
        float[] plane = new float[w * h];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextFloat();
        }
        for (int r : new int[] {1, 3, 7, 40}) {
            float[] fast = MaxFilter.square(plane, w, h, r);
            float[] slow = new float[plane.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                        for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                            m = Math.max(m, plane[yy * w + xx]);
                        }
                    }
                    slow[y * w + x] = m;
                }
            }
            assertArrayEquals(slow, fast, "radius " + r);
        }
    }

    @Test
    void holesAreFilledButNotBays() {
        // A ring (hole inside) and a C (its inside opens to the outside).
        String[] rows = {
            "..........",
            ".###..###.",
            ".#.#..#...",
            ".###..###.",
            ".........."};
        byte[] mask = parse(rows);
        ConnectedComponents.fillHoles(mask, 10, 5);
        assertEquals(1, mask[2 * 10 + 2], "the ring's hole is filled");
        assertEquals(0, mask[2 * 10 + 7], "the C's bay stays background");
        int[] labels = new int[50];
        assertEquals(2, ConnectedComponents.label(mask, 10, 5, labels));
    }

    @Test
    void greedyMatchingTakesTheBestPairsFirstAndCountsSplits() {
        LabelledBox wbc = new LabelledBox("WBC", 1, 1, 100, 100);
        LabelledBox rbc = new LabelledBox("RBC", 201, 1, 300, 100);
        LabelledBox whole = new LabelledBox(null, 1, 1, 95, 100);       // IoU 0.95 with the WBC
        LabelledBox left = new LabelledBox(null, 1, 1, 60, 100);        // IoU 0.6 with the WBC, loses to whole
        LabelledBox nothing = new LabelledBox(null, 400, 400, 420, 420);
        ImageMatch m = ImageMatch.greedy(List.of(wbc, rbc), List.of(left, whole, nothing), 0.5);
        assertArrayEquals(new int[] {1, -1}, m.matchedTruth());
        assertArrayEquals(new int[] {-1, 0, -1}, m.matchedFound());
        assertEquals(2, m.countedOf("WBC"), "a second object over the white cell counts as a second one");
        assertEquals(0, m.countedOf("RBC"));
        SegmentationScore score = new SegmentationScore();
        score.add("a", m);
        assertEquals(1.0, score.recall("WBC"));
        assertEquals(0.0, score.recall("RBC"));
        assertEquals(1.0 / 3, score.precision(), 1e-12);
        assertEquals(0.0, score.exactCountShare("WBC"));
        // Inclusive corners: two 10x10 boxes sharing one pixel.
        assertEquals(1.0 / 199, new LabelledBox(null, 1, 1, 10, 10).iou(new LabelledBox(null, 10, 10, 19, 19)), 1e-12);
    }

    private static byte[] parse(String[] rows) {
        byte[] mask = new byte[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                mask[y * rows[0].length() + x] = (byte) (rows[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        return mask;
    }

    @Test
    void hMaximaKeepPeaksOfEnoughDynamic() {
        // One row: a peak of 10 at x=1; a saddle of 7; a peak of 8 at x=4 that meets the plateau's region at 7.5
        // (dynamic 0.5); a plateau of 9 at x=7..8 that meets the 10's region at the saddle of 7 (dynamic 2); then,
        // cut off by a background pixel, a lone peak of 3. A plateau gives one seed, its first pixel.
        float[] f = {5, 10, 9, 7, 8, 7.5f, 8.5f, 9, 9, 0, 3, 2};
        byte[] mask = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1};
        int[] order = java.util.stream.IntStream.range(0, f.length).boxed().filter(i -> mask[i] != 0)
                .sorted((a, b) -> Float.compare(f[b], f[a])).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(new byte[] {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0},
                HMaxima.seeds(f, mask, f.length, 1, order, 0.4f, 0));
        // h = 1: the peak of 8 is gone, the plateau stays.
        assertArrayEquals(new byte[] {0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0},
                HMaxima.seeds(f, mask, f.length, 1, order, 1f, 0));
        // h = 2.5: only the highest peak of each region; a minimum peak of 4 drops the lone 3.
        assertArrayEquals(new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                HMaxima.seeds(f, mask, f.length, 1, order, 2.5f, 4));
    }
}
