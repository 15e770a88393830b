package org.cellactive.features.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.cellactive.imaging.ByteLevels;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.RandomCrops;
import org.junit.jupiter.api.Test;

class LevelHistogramTest {

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    @Test
    void knownAnswersForOneToFour() {
        // Sorted {0.25, 0.5, 0.5, 1}: CellProfiler's median is v[2] = 0.5, quartiles v[1] and v[3].
        float[] plane = {0.5f, 1f, 0.25f, 0.5f};
        LevelHistogram h = new LevelHistogram();
        assertTrue(h.build(plane, identity(4), 4));
        assertEquals(0.25f, h.min());
        assertEquals(1f, h.max());
        assertEquals(0.5, h.quantile(0.5));
        assertEquals(0.5, h.quantile(0.25));
        assertEquals(1.0, h.quantile(0.75));
        // |v - 0.5| sorted: 0, 0, 0.25, 0.5; median rank 2 -> 0.25.
        assertEquals(0.25, h.medianAbsoluteDeviation(0.5));
        // mean 0.5625; squares 0.09765625 + 2 * 0.00390625 + 0.19140625 = 0.296875; / 4 -> 0.07421875
        assertEquals(Math.sqrt(0.07421875), h.populationStd(0.5625), 1e-15);
    }

    @Test
    void refusesValuesOutsideTheUnitInterval() {
        LevelHistogram h = new LevelHistogram();
        assertFalse(h.build(new float[] {0.5f, 1.5f}, identity(2), 2));
        assertFalse(h.build(new float[] {Float.NaN}, identity(1), 1));
        // Scratch is reset after a refusal.
        assertTrue(h.build(new float[] {0.5f}, identity(1), 1));
        assertEquals(0.5f, h.min());
        assertEquals(0.0, h.medianAbsoluteDeviation(0.5));
    }

    @Test
    void matchesTheSortedArrayBitForBitOnEightBitPlanes() {
        Random random = new Random(7);
        LevelHistogram h = new LevelHistogram();
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial % 2 == 0 ? 40 : 5000);
            int spread = 1 + random.nextInt(256);
            int base = random.nextInt(257 - spread);
            float[] plane = new float[n];
            for (int i = 0; i < n; i++) {
                // Gray as the crop makes it: the mean of three k/255f floats.
                float r = (base + random.nextInt(spread)) / 255f;
                float g = (base + random.nextInt(spread)) / 255f;
                float b = (base + random.nextInt(spread)) / 255f;
                plane[i] = trial % 3 == 0 ? r : (r + g + b) / 3f;
            }
            assertTrue(h.build(plane, identity(n), n));
            float[] sorted = plane.clone();
            Arrays.sort(sorted);
            double sum = 0;
            for (float v : plane) sum += v;
            double mean = sum / n;
            double squares = 0;
            for (float v : sorted) {
                double d = v - mean;
                squares += d * d;
            }
            assertEquals(sorted[0], h.min());
            assertEquals(sorted[n - 1], h.max());
            assertEquals(Math.sqrt(squares / n), h.populationStd(mean));
            for (double f : new double[] {0.25, 0.5, 0.75}) {
                assertEquals(CellProfilerQuantile.of(sorted, n, f), h.quantile(f));
            }
            double median = CellProfilerQuantile.of(sorted, n, 0.5);
            assertEquals(CellProfilerQuantile.medianAbsoluteDeviation(sorted, n, median),
                    h.medianAbsoluteDeviation(median));
        }
    }

    @Test
    void eightBitLevelsAndOtherFloatsInOnePlaneFallBackToTheBuckets() {
        // 0.5f is no k/255 float: the 256-bin path meets it after counting two values,
        // gives up, and the bucket path must still see all four values.
        float[] plane = {10 / 255f, 200 / 255f, 0.5f, 10 / 255f};
        LevelHistogram h = new LevelHistogram();
        assertTrue(h.build(plane, identity(4), 4));
        assertEquals(10 / 255f, h.min());
        assertEquals(200 / 255f, h.max());
        // Sorted {10/255, 10/255, 0.5, 200/255}: the median is v[2].
        assertEquals(0.5, h.quantile(0.5));
        // The 256-bin counts were cleared: a later plane of eight-bit levels counts afresh.
        assertTrue(h.build(new float[] {3 / 255f}, identity(1), 1));
        assertEquals(3 / 255f, h.min());
        assertEquals(3 / 255f, h.max());
    }

    @Test
    void fourStandardDeviationsSideBySideEqualOneAtATimeBitForBit() {
        Random random = new Random(11);
        LevelHistogram[] four = {new LevelHistogram(), new LevelHistogram(), new LevelHistogram(), new LevelHistogram()};
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(3000);
            double[] means = new double[4];
            for (int c = 0; c < 4; c++) {
                int spread = 1 + random.nextInt(c == 0 ? 3 : 256);
                float[] plane = new float[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    plane[i] = random.nextInt(spread) / 255f;
                    sum += plane[i];
                }
                means[c] = sum / n;
                assertTrue(four[c].build(plane, identity(n), n));
            }
            double[] together = new double[4];
            LevelHistogram.populationStds(four, means, together);
            for (int c = 0; c < 4; c++) {
                assertEquals(four[c].populationStd(means[c]), together[c], "trial " + trial + " channel " + c);
            }
        }
    }

    @Test
    void countingBytesAndGrayCodesGivesTheHistogramOfTheFloats() {
        Random random = new Random(13);
        LevelHistogram fromFloats = new LevelHistogram();
        LevelHistogram fromLevels = new LevelHistogram();
        for (int trial = 0; trial < 100; trial++) {
            CellImage crop = RandomCrops.of(random, 50);
            // A random subset of the pixels, in raster order, as an object's would be.
            int[] pixels = new int[crop.pixelCount()];
            int n = 0;
            for (int i = 0; i < pixels.length; i++) {
                if (n == 0 || random.nextBoolean()) pixels[n++] = i;
            }
            ByteLevels levels = crop.levels();
            for (Channel channel : Channel.values()) {
                assertTrue(fromFloats.build(crop.plane(channel), pixels, n));
                float[] values = new float[n];
                if (channel == Channel.GRAY) {
                    fromLevels.countGrayCodes(levels.grayCodes(), pixels, n, values);
                } else {
                    fromLevels.countBytes(levels.colour(channel), pixels, n, values);
                }
                for (int j = 0; j < n; j++) {
                    assertEquals(crop.plane(channel)[pixels[j]], values[j]);
                }
                assertEquals(fromFloats.min(), fromLevels.min());
                assertEquals(fromFloats.max(), fromLevels.max());
                assertEquals(fromFloats.populationStd(0.3), fromLevels.populationStd(0.3));
                for (double f : new double[] {0.25, 0.5, 0.75}) {
                    assertEquals(fromFloats.quantile(f), fromLevels.quantile(f), channel + " " + f);
                }
                double median = fromFloats.quantile(0.5);
                assertEquals(fromFloats.medianAbsoluteDeviation(median), fromLevels.medianAbsoluteDeviation(median));
            }
        }
    }
}
