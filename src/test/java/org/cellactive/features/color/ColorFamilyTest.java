package org.cellactive.features.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.cellactive.features.BccdCrops;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;

/**
 * Colour features of pure colours. Planes are float32, so expected values derived from
 * decimals such as 0.25f are exact or within 1e-6 ({@link #EPS}); angles within 1e-4 degree.
 */
class ColorFamilyTest {
    private static final double EPS = 1e-6;

    private static double[] measure(float[] r, float[] g, float[] b) {
        ColorFamily family = new ColorFamily();
        boolean[] inside = new boolean[r.length];
        Arrays.fill(inside, true);
        double[] out = new double[family.columns().size()];
        family.measure(CellImage.ofRgb(r.length, 1, r, g, b), new ObjectMask(r.length, 1, inside), out, 0);
        return out;
    }

    private static float[] fill(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double value(double[] out, String column) {
        return out[new ColorFamily().columns().indexOf(column)];
    }

    @Test
    void columnsAreTheProjectsOwn() {
        for (String c : new ColorFamily().columns()) {
            assertEquals(true, c.startsWith("Color_"), c);
        }
        assertEquals(9, new ColorFamily().columns().size());
    }

    @Test
    void violet() {
        // (0.5, 0.25, 1.0): max = blue, chroma 0.75, hue 60*((0.5-0.25)/0.75 + 4) = 260 degrees
        double[] out = measure(fill(4, .5f), fill(4, .25f), fill(4, 1f));
        assertEquals(2, value(out, "Color_RatioBlueRed"), EPS);
        assertEquals(4, value(out, "Color_RatioBlueGreen"), EPS);
        assertEquals(2, value(out, "Color_RatioRedGreen"), EPS);
        assertEquals(0.75, value(out, "Color_MeanSaturation"), EPS);
        assertEquals(0, value(out, "Color_StdSaturation"), EPS);
        assertEquals(0.75, value(out, "Color_MedianSaturation"), EPS);
        assertEquals(260, value(out, "Color_MeanHue"), 1e-4);
        assertEquals(1, value(out, "Color_HueConcentration"), EPS);
        assertEquals(1, value(out, "Color_PurpleFraction"), EPS);
    }

    @Test
    void pureRedHasZeroRatiosWhereTheDenominatorIsZero() {
        double[] out = measure(fill(3, 1f), fill(3, 0f), fill(3, 0f));
        assertEquals(0, value(out, "Color_RatioBlueRed"), EPS);
        assertEquals(0, value(out, "Color_RatioBlueGreen"), EPS);  // 0/0 -> 0
        assertEquals(0, value(out, "Color_RatioRedGreen"), EPS);   // 1/0 -> 0
        assertEquals(1, value(out, "Color_MeanSaturation"), EPS);
        assertEquals(0, value(out, "Color_MeanHue"), 1e-4);
        assertEquals(1, value(out, "Color_HueConcentration"), EPS);
        assertEquals(0, value(out, "Color_PurpleFraction"), EPS);
    }

    @Test
    void halfRedHalfBlue() {
        // hues 0 and 240, saturation 1: mean vector (1 + cos240, sin240)/2 = (0.25, -0.433)
        // -> angle -60 = 300 degrees, length 0.5. Blue pixels (240) are purple, red are not.
        double[] out = measure(new float[] {1, 1, 0, 0}, fill(4, 0f), new float[] {0, 0, 1, 1});
        assertEquals(1, value(out, "Color_RatioBlueRed"), EPS);
        assertEquals(300, value(out, "Color_MeanHue"), 1e-4);
        assertEquals(0.5, value(out, "Color_HueConcentration"), EPS);
        assertEquals(0.5, value(out, "Color_PurpleFraction"), EPS);
        assertEquals(1, value(out, "Color_MedianSaturation"), EPS);
    }

    @Test
    void greyAndBlackHaveNoHue() {
        double[] grey = measure(fill(5, .5f), fill(5, .5f), fill(5, .5f));
        assertEquals(1, value(grey, "Color_RatioBlueRed"), EPS);
        assertEquals(0, value(grey, "Color_MeanSaturation"), EPS);
        assertEquals(0, value(grey, "Color_MeanHue"), EPS);
        assertEquals(0, value(grey, "Color_HueConcentration"), EPS);
        double[] black = measure(fill(5, 0f), fill(5, 0f), fill(5, 0f));
        for (double v : black) assertEquals(0, v, 0.0);
    }

    @Test
    void saturationStatistics() {
        // saturations 0, 0.5, 1, 1 (grey, (1,.5,.5), red, blue): mean .625, median q=2 -> 1
        double[] out = measure(new float[] {.5f, 1, 1, 0}, new float[] {.5f, .5f, 0, 0}, new float[] {.5f, .5f, 0, 1});
        assertEquals(0.625, value(out, "Color_MeanSaturation"), EPS);
        double var = (0.625 * 0.625 + 0.125 * 0.125 + 2 * 0.375 * 0.375) / 4;
        assertEquals(Math.sqrt(var), value(out, "Color_StdSaturation"), EPS);
        assertEquals(1, value(out, "Color_MedianSaturation"), EPS);
        assertEquals(0.25, value(out, "Color_PurpleFraction"), EPS);
    }

    /** On real cells the stain separates the classes: WBC nuclei are purple, red cells are not. */
    @Test
    void whiteCellsArePurplerThanRedCellsOnBccd() throws IOException {
        List<BccdCrops.Cell> cells = BccdCrops.firstImages(30);
        ColorFamily family = new ColorFamily();
        int purple = family.columns().indexOf("Color_PurpleFraction");
        double[] out = new double[family.columns().size()];
        List<Double> wbc = new java.util.ArrayList<>();
        List<Double> rbc = new java.util.ArrayList<>();
        for (BccdCrops.Cell cell : cells) {
            family.measure(cell.image(), cell.mask(), out, 0);
            for (double v : out) assertTrue(Double.isFinite(v));
            if (cell.cellType().equals("WBC")) wbc.add(out[purple]);
            if (cell.cellType().equals("RBC")) rbc.add(out[purple]);
        }
        assertTrue(wbc.size() >= 20 && rbc.size() >= 100, wbc.size() + " WBC, " + rbc.size() + " RBC");
        assertTrue(median(wbc) > 0.5, "WBC median purple fraction " + median(wbc));
        assertTrue(median(rbc) < 0.1, "RBC median purple fraction " + median(rbc));
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().skip(values.size() / 2).findFirst().orElseThrow();
    }
}
