package org.cellactive.features.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cellactive.features.BccdCrops;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;

/**
 * Known answers for MeasureObjectIntensity. Inputs are float32 planes, so values such as
 * 0.1f carry a relative error of ~6e-8; sums of up to a few dozen of them stay within
 * 1e-6 of the decimal hand values, which is the tolerance used ({@link #EPS}).
 */
class IntensityFamilyTest {
    private static final double EPS = 1e-6;

    /** 5x5 crop; the object is the centre 3x3 block; outside pixels are 1.0 and must not count. */
    private static final float[] BLOCK = {
        1, 1, 1, 1, 1,
        1, .1f, .2f, .3f, 1,
        1, .4f, .9f, .5f, 1,
        1, .6f, .7f, .8f, 1,
        1, 1, 1, 1, 1,
    };

    private static ObjectMask centreBlock() {
        boolean[] inside = new boolean[25];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                inside[y * 5 + x] = true;
            }
        }
        return new ObjectMask(5, 5, inside);
    }

    private static double[] measureGray(CellImage image, ObjectMask mask) {
        IntensityFamily family = new IntensityFamily(List.of(Channel.GRAY));
        double[] out = new double[family.columns().size() + 2];
        family.measure(image, mask, out, 2);
        return Arrays.copyOfRange(out, 2, out.length);
    }

    private static double value(double[] values, String measure) {
        return values[IntensityFamily.MEASURES.indexOf(measure)];
    }

    @Test
    void handComputedBlock() {
        double[] v = measureGray(CellImage.ofGray(5, 5, BLOCK), centreBlock());
        // sorted: .1 .2 .3 .4 .5 .6 .7 .8 .9, n = 9
        assertEquals(4.5, value(v, "IntegratedIntensity"), EPS);
        assertEquals(0.5, value(v, "MeanIntensity"), EPS);
        // population: sum of squared deviations 0.6, / 9
        assertEquals(Math.sqrt(0.6 / 9), value(v, "StdIntensity"), EPS);
        assertEquals(0.1, value(v, "MinIntensity"), EPS);
        assertEquals(0.9, value(v, "MaxIntensity"), EPS);
        // q = 9/4 = 2.25: v[2]*.75 + v[3]*.25
        assertEquals(0.325, value(v, "LowerQuartileIntensity"), EPS);
        // q = 4.5: (v[4] + v[5]) / 2 = 0.55, not numpy's 0.5
        assertEquals(0.55, value(v, "MedianIntensity"), EPS);
        // q = 6.75: v[6]*.25 + v[7]*.75
        assertEquals(0.775, value(v, "UpperQuartileIntensity"), EPS);
        // |v - .55| sorted: .05 .05 .15 .15 .25 .25 .35 .35 .45 -> q = 4.5 -> .25
        assertEquals(0.25, value(v, "MADIntensity"), EPS);
        // Edge: the 8 pixels around the centre (0.9 is the only interior pixel).
        assertEquals(3.6, value(v, "IntegratedIntensityEdge"), EPS);
        assertEquals(0.45, value(v, "MeanIntensityEdge"), EPS);
        assertEquals(Math.sqrt(0.42 / 8), value(v, "StdIntensityEdge"), EPS);
        assertEquals(0.1, value(v, "MinIntensityEdge"), EPS);
        assertEquals(0.8, value(v, "MaxIntensityEdge"), EPS);
        // mask centroid (2, 2); weighted centroid (9.5/4.5, 10.5/4.5) -> (-1/9, -3/9)
        assertEquals(Math.sqrt(10) / 9, value(v, "MassDisplacement"), EPS);
    }

    @Test
    void edgeUsesFourConnectivityAndTheCropBorder() {
        // 4x4 crop, object = all but the corner (0,0). Pixel (1,1) touches the outside only
        // diagonally: not an edge with find_boundaries' connectivity 1. Pixels on the crop
        // border are edges here (the crop is the object's world).
        boolean[] inside = new boolean[16];
        Arrays.fill(inside, true);
        inside[0] = false;
        float[] indicator = new float[16];
        indicator[1 * 4 + 1] = 1f;   // (1,1): interior
        indicator[2 * 4 + 2] = 1f;   // (2,2): interior
        indicator[3 * 4 + 3] = 0.5f; // (3,3): crop-border corner, edge
        double[] v = measureGray(CellImage.ofGray(4, 4, indicator), new ObjectMask(4, 4, inside));
        assertEquals(0.5, value(v, "IntegratedIntensityEdge"), EPS);
        assertEquals(0.5, value(v, "MaxIntensityEdge"), EPS);
        // 15 pixels, 4 interior ((1,1),(1,2),(2,1),(2,2)) -> 11 edge pixels
        assertEquals(0.5 / 11, value(v, "MeanIntensityEdge"), EPS);
        assertEquals(2.5, value(v, "IntegratedIntensity"), EPS);
    }

    @Test
    void constantImage() {
        float[] plane = new float[7 * 6];
        Arrays.fill(plane, 0.5f);
        boolean[] inside = new boolean[plane.length];
        int n = 0;
        for (int i = 0; i < inside.length; i++) {
            inside[i] = i % 3 != 0;
            if (inside[i]) n++;
        }
        double[] v = measureGray(CellImage.ofGray(7, 6, plane), new ObjectMask(7, 6, inside));
        assertEquals(0.5 * n, value(v, "IntegratedIntensity"), EPS);
        for (String m : List.of("MeanIntensity", "MinIntensity", "MaxIntensity", "MedianIntensity",
                "LowerQuartileIntensity", "UpperQuartileIntensity", "MeanIntensityEdge",
                "MinIntensityEdge", "MaxIntensityEdge")) {
            assertEquals(0.5, value(v, m), EPS, m);
        }
        for (String m : List.of("StdIntensity", "MADIntensity", "StdIntensityEdge", "MassDisplacement")) {
            assertEquals(0.0, value(v, m), EPS, m);
        }
    }

    @Test
    void massDisplacementOfAGradient() {
        // 3 wide x 2 tall, value grows with x: 0.1, 0.2, 0.3. Mask centroid x = 1,
        // weighted x = (0*.1 + 1*.2 + 2*.3)/.6 = 4/3; y centroids agree (0.5).
        float[] plane = {.1f, .2f, .3f, .1f, .2f, .3f};
        boolean[] inside = new boolean[6];
        Arrays.fill(inside, true);
        double[] v = measureGray(CellImage.ofGray(3, 2, plane), new ObjectMask(3, 2, inside));
        assertEquals(1.0 / 3, value(v, "MassDisplacement"), EPS);
    }

    @Test
    void blackObjectHasNoNaN() {
        float[] plane = new float[9];
        boolean[] inside = new boolean[9];
        Arrays.fill(inside, true);
        double[] v = measureGray(CellImage.ofGray(3, 3, plane), new ObjectMask(3, 3, inside));
        for (double d : v) {
            assertTrue(Double.isFinite(d));
        }
        assertEquals(0.0, value(v, "MassDisplacement"), 0.0);
    }

    @Test
    void threePixelsHaveNoUpperNeighbourForTheUpperQuartile() {
        // n = 3: upper quartile q = 2.25 lands on the last index, so it is v[2] itself.
        float[] plane = {.2f, .4f, .6f};
        boolean[] inside = {true, true, true};
        double[] v = measureGray(CellImage.ofGray(3, 1, plane), new ObjectMask(3, 1, inside));
        assertEquals(0.35, value(v, "LowerQuartileIntensity"), EPS); // .2*.25 + .4*.75
        assertEquals(0.5, value(v, "MedianIntensity"), EPS);         // q = 1.5
        assertEquals(0.6, value(v, "UpperQuartileIntensity"), EPS);
        assertEquals(0.2, value(v, "MADIntensity"), EPS);            // |dev| .1 .1 .3 -> q 1.5: (.1 + .3)/2
    }

    @Test
    void channelsAreMeasuredFromTheirOwnPlanes() {
        float[] red = {1f, 1f};
        float[] green = {.5f, .5f};
        float[] blue = {0f, .2f};
        CellImage image = CellImage.ofRgb(2, 1, red, green, blue);
        IntensityFamily family = new IntensityFamily();
        double[] out = new double[family.columns().size()];
        family.measure(image, new ObjectMask(2, 1, new boolean[] {true, true}), out, 0);
        assertEquals(60, family.columns().size());
        assertEquals("Intensity_IntegratedIntensity_Gray", family.columns().get(0));
        int mean = IntensityFamily.MEASURES.indexOf("MeanIntensity");
        int per = IntensityFamily.MEASURES.size();
        assertEquals("Intensity_MeanIntensity_Blue", family.columns().get(3 * per + mean));
        assertEquals((1.5 + 0.1) / 3 / 1, out[mean], EPS);       // gray mean (1+.5+0 + 1+.5+.2)/6
        assertEquals(1.0, out[per + mean], EPS);
        assertEquals(0.5, out[2 * per + mean], EPS);
        assertEquals(0.1, out[3 * per + mean], EPS);
        assertTrue(family.columns().contains("Intensity_MADIntensity_Red"));
        assertTrue(family.columns().contains("Intensity_MassDisplacement_Green"));
    }

    @Test
    void anEmptyMaskIsRefusedEvenAfterALargerCell() {
        float[] plane = new float[25];
        Arrays.fill(plane, 0.5f);
        IntensityFamily family = new IntensityFamily();
        double[] out = new double[family.columns().size()];
        family.measure(CellImage.ofGray(5, 5, plane), centreBlock(), out, 0);
        ObjectMask empty = new ObjectMask(5, 5, new boolean[25]);
        assertThrows(IllegalArgumentException.class,
                () -> family.measure(CellImage.ofGray(5, 5, plane), empty, out, 0));
    }

    @Test
    void rejectsRepeatedChannels() {
        assertThrows(IllegalArgumentException.class, () -> new IntensityFamily(List.of(Channel.RED, Channel.RED)));
    }

    @Test
    void linearSortEqualsArraysSort() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(5000);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                // gray-like values: sums of three 8-bit levels / 3, which collide in buckets
                int r = random.nextInt(256);
                int g = random.nextInt(256);
                int b = random.nextInt(256);
                values[i] = trial % 2 == 0 ? (r / 255f + g / 255f + b / 255f) / 3f : random.nextFloat();
            }
            float[] expected = values.clone();
            Arrays.sort(expected);
            UnitIntervalSort.sort(values, n);
            assertTrue(Arrays.equals(expected, values), "trial " + trial);
        }
    }

    @Test
    void madByMergeEqualsMadBySort() {
        Random random = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(300);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) values[i] = random.nextInt(20) / 19f;
            Arrays.sort(values);
            double median = CellProfilerQuantile.of(values, n, 0.5);
            double[] dev = new double[n];
            for (int i = 0; i < n; i++) dev[i] = Math.abs(values[i] - median);
            Arrays.sort(dev);
            assertEquals(CellProfilerQuantile.of(dev, n, 0.5),
                    CellProfilerQuantile.medianAbsoluteDeviation(values, n, median), 0.0);
        }
    }

    /**
     * Golden check on real cells: a second, plain implementation (Arrays.sort, sorted
     * deviations, explicit neighbour tests) must agree. Both sum the same float values in
     * double; only the summation order of the variance differs, hence 1e-9.
     */
    @Test
    void matchesAPlainImplementationOnBccdCells() throws IOException {
        List<BccdCrops.Cell> cells = BccdCrops.firstImages(8);
        assertTrue(cells.size() > 50, "cells: " + cells.size());
        IntensityFamily family = new IntensityFamily();
        for (BccdCrops.Cell cell : cells) {
            double[] out = new double[family.columns().size()];
            family.measure(cell.image(), cell.mask(), out, 0);
            int per = IntensityFamily.MEASURES.size();
            for (int c = 0; c < 4; c++) {
                double[] expected = plain(cell.image().plane(family.channels().get(c)), cell.mask());
                for (int k = 0; k < per; k++) {
                    assertEquals(expected[k], out[c * per + k], 1e-9 * Math.max(1, Math.abs(expected[k])),
                            family.columns().get(c * per + k));
                }
            }
        }
    }

    private static double[] plain(float[] plane, ObjectMask mask) {
        int w = mask.width();
        List<Double> all = new java.util.ArrayList<>();
        List<Double> edge = new java.util.ArrayList<>();
        double cx = 0, cy = 0, wx = 0, wy = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < w; x++) {
                if (!mask.contains(x, y)) continue;
                double v = plane[y * w + x];
                all.add(v);
                cx += x;
                cy += y;
                wx += x * v;
                wy += y * v;
                boolean isEdge = !mask.contains(x - 1, y) || !mask.contains(x + 1, y)
                        || !mask.contains(x, y - 1) || !mask.contains(x, y + 1);
                if (isEdge) edge.add(v);
            }
        }
        int n = all.size();
        double[] v = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double sum = Arrays.stream(v).sum();
        double[] e = edge.stream().mapToDouble(Double::doubleValue).toArray();
        double median = quantile(v, 0.5);
        double[] dev = Arrays.stream(v).map(x -> Math.abs(x - median)).sorted().toArray();
        double dx = cx / n - wx / sum;
        double dy = cy / n - wy / sum;
        return new double[] {
            sum, sum / n, std(v), v[0], v[n - 1],
            Arrays.stream(e).sum(), Arrays.stream(e).sum() / e.length, std(e),
            Arrays.stream(e).min().orElse(0), Arrays.stream(e).max().orElse(0),
            Math.sqrt(dx * dx + dy * dy), quantile(v, 0.25), median, quantile(dev, 0.5), quantile(v, 0.75),
        };
    }

    private static double std(double[] v) {
        double mean = Arrays.stream(v).sum() / v.length;
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
    }

    private static double quantile(double[] sorted, double f) {
        double q = sorted.length * f;
        int i = (int) q;
        return i + 1 < sorted.length ? sorted[i] * (1 - (q - i)) + sorted[i + 1] * (q - i) : sorted[i];
    }
}
