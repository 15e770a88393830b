package org.cellactive.features.granularity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.cellactive.features.BccdCrops;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;

/**
 * Granular spectra of synthetic images. Values are percentages; 1e-9 is used where the
 * arithmetic is exact (constants, zeros), and the shape tests compare where the spectrum
 * peaks, which does not depend on rounding.
 */
class GranularityFamilyTest {
    private static final double EPS = 1e-9;

    private static ObjectMask full(int w, int h) {
        boolean[] inside = new boolean[w * h];
        Arrays.fill(inside, true);
        return new ObjectMask(w, h, inside);
    }

    private static double[] spectrum(float[] plane, int w, int h) {
        GranularityFamily family = new GranularityFamily();
        double[] out = new double[16];
        family.measure(CellImage.ofGray(w, h, plane), full(w, h), out, 0);
        return out;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    @Test
    void columns() {
        GranularityFamily family = new GranularityFamily();
        assertEquals(16, family.columns().size());
        assertEquals("Granularity_1_Gray", family.columns().get(0));
        assertEquals("Granularity_16_Gray", family.columns().get(15));
        assertEquals("Granularity", family.name());
    }

    @Test
    void constantImageLosesEverythingToTheBackgroundAtStepOne() {
        // The opening of radius 10 removes the whole constant level as background. As in
        // CellProfiler, an object's starting mean is that of the original image, so the
        // first step reports the background share (100 %) and the rest are 0.
        float[] plane = new float[40 * 40];
        Arrays.fill(plane, 0.5f);
        double[] s = spectrum(plane, 40, 40);
        assertEquals(100, s[0], EPS);
        for (int k = 1; k < 16; k++) assertEquals(0, s[k], EPS, "step " + (k + 1));
    }

    @Test
    void blackImageIsAllZero() {
        double[] s = spectrum(new float[32 * 32], 32, 32);
        for (double v : s) assertEquals(0, v, EPS);
    }

    @Test
    void smallDotsPeakBeforeLargeBlobs() {
        int size = 64;
        // Dots: 4x4 squares, one pixel each after subsampling by 4, removed by the first opening.
        float[] dots = new float[size * size];
        for (int cy = 8; cy < size; cy += 16) {
            for (int cx = 8; cx < size; cx += 16) {
                for (int y = cy; y < cy + 4; y++) for (int x = cx; x < cx + 4; x++) dots[y * size + x] = 1f;
            }
        }
        // Blob: a disk of radius 14 (3.5 after subsampling), removed only by a larger opening.
        float[] blob = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dy = y - 32, dx = x - 32;
                if (dy * dy + dx * dx <= 14 * 14) blob[y * size + x] = 1f;
            }
        }
        double[] dotSpectrum = spectrum(dots, size, size);
        double[] blobSpectrum = spectrum(blob, size, size);
        assertEquals(0, argmax(dotSpectrum), Arrays.toString(dotSpectrum));
        assertTrue(argmax(blobSpectrum) >= 2, Arrays.toString(blobSpectrum));
        for (int k = 1; k < 16; k++) assertEquals(0, dotSpectrum[k], 1e-9, "dots gone after step 1");
        // Nothing is left at the end: the steps add up to the whole starting mean.
        assertEquals(100, Arrays.stream(blobSpectrum).sum(), 1e-6);
    }

    @Test
    void morphologyHelpersMatchScipyConventions() {
        assertEquals(0, GreyMorphology.reflect(-1, 5));
        assertEquals(1, GreyMorphology.reflect(-2, 5));
        assertEquals(4, GreyMorphology.reflect(5, 5));
        assertEquals(3, GreyMorphology.reflect(6, 5));
        assertEquals(0, GreyMorphology.reflect(10, 5));
        assertEquals(5, GreyMorphology.disk(1).length);
        assertEquals(317, GreyMorphology.disk(10).length); // lattice points with x²+y² ≤ 100
        // Reconstruction fills a plateau reachable from the seed, not a separate one.
        double[] mask = {3, 3, 0, 2, 2};
        double[] seed = {3, 0, 0, 0, 1};
        assertTrue(Arrays.equals(new double[] {3, 3, 0, 1, 1}, GreyMorphology.reconstruct(seed, mask, 1, 5)));
    }

    /** Real cells: finite spectra whose steps add up to at most the whole starting mean. */
    @Test
    void realCellsGiveFiniteBoundedSpectra() throws IOException {
        GranularityFamily family = new GranularityFamily();
        double[] out = new double[16];
        for (BccdCrops.Cell cell : BccdCrops.firstImages(3)) {
            family.measure(cell.image(), cell.mask(), out, 0);
            double sum = 0;
            for (double v : out) {
                assertTrue(Double.isFinite(v));
                sum += v;
            }
            assertTrue(sum <= 100 + 1e-9, "sum " + sum);
        }
    }
}
