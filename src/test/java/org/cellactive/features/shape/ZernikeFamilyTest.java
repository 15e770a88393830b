package org.cellactive.features.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;

class ZernikeFamilyTest {
    private static final ZernikeFamily FAMILY = new ZernikeFamily();
    private static final int COUNT = 30;

    private static double[] measure(ObjectMask mask) {
        double[] out = new double[COUNT];
        FAMILY.measure(ShapeMasks.blankFor(mask), mask, out, 0);
        return out;
    }

    private static int index(int n, int m) {
        return FAMILY.columns().indexOf("AreaShape_Zernike_" + n + "_" + m);
    }

    @Test
    void thirtyColumnsInCellProfilersOrder() {
        assertEquals("Zernike", FAMILY.name());
        List<String> columns = FAMILY.columns();
        assertEquals(COUNT, columns.size());
        assertEquals(List.of("AreaShape_Zernike_0_0", "AreaShape_Zernike_1_1", "AreaShape_Zernike_2_0",
                "AreaShape_Zernike_2_2", "AreaShape_Zernike_3_1", "AreaShape_Zernike_3_3"), columns.subList(0, 6));
        assertEquals("AreaShape_Zernike_9_9", columns.get(COUNT - 1));
        for (int n = 0; n <= 9; n++) {
            for (int m = n % 2; m <= n; m += 2) {
                assertTrue(index(n, m) >= 0, n + "_" + m);
            }
        }
    }

    @Test
    void radialCoefficientsAreTheTextbookPolynomials() {
        // R_4^0 = 6 rho^4 - 6 rho^2 + 1; R_5^1 = 10 rho^5 - 12 rho^3 + 3 rho.
        assertEquals(List.of(6.0, -6.0, 1.0), toList(ZernikeFamily.radialCoefficients(4, 0)));
        assertEquals(List.of(10.0, -12.0, 3.0), toList(ZernikeFamily.radialCoefficients(5, 1)));
        assertEquals(List.of(1.0), toList(ZernikeFamily.radialCoefficients(7, 7)));
    }

    private static List<Double> toList(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /**
     * A disk of radius 30 centred on a pixel. Its enclosing circle has radius exactly 30
     * (the pixels (±30, 0) are in it), so Zernike_0_0 = Area / (pi 30^2), which is 1 up
     * to the lattice count's digitisation (1%, as for AreaShape_Area). Symmetry makes
     * the sums of e^{i m phi} cancel exactly for odd m (180-degree symmetry) and for
     * m = 2, 6 (90-degree symmetry): zero up to rounding. The rest (m = 0, n > 0, and
     * m = 4, 8) vanish for the continuous disk; on pixels the rim's staircase leaves
     * an error of order rim pixels / area ~ 2 / r = 0.067.
     */
    @Test
    void centredDisk() {
        ObjectMask disk = ShapeMasks.disk(71, 71, 35, 35, 30);
        double[] z = measure(disk);
        assertEquals(disk.area() / (Math.PI * 900), z[index(0, 0)], 1e-12);
        assertEquals(1.0, z[index(0, 0)], 0.01);
        for (int n = 1; n <= 9; n++) {
            for (int m = n % 2; m <= n; m += 2) {
                double tolerance = (m % 2 == 1 || m % 4 == 2) ? 1e-9 : 2.0 / 30;
                assertEquals(0.0, z[index(n, m)], tolerance, "Zernike_" + n + "_" + m);
            }
        }
    }

    /** Every value against a slow direct evaluation: factorial formula, atan2 angle, per pixel. */
    @Test
    void equalsDirectEvaluation() {
        for (long seed = 1; seed <= 20; seed++) {
            ObjectMask mask = ShapeMasks.blob(seed, 10 + (int) (seed % 30));
            assertMatchesDirectEvaluation(mask, "seed " + seed);
        }
    }

    /**
     * Checks all 30 values of a mask against the textbook definition evaluated pixel by
     * pixel, on the enclosing circle (itself checked against brute force elsewhere).
     */
    static void assertMatchesDirectEvaluation(ObjectMask mask, String where) {
        PaddedObject object = PaddedObject.of(mask);
        EnclosingCircle circle = EnclosingCircle.of(LatticeHull.ofPixelCentres(object));
        double cx = circle.centerX() + object.boxX();
        double cy = circle.centerY() + object.boxY();
        double r = circle.radius();
        double[] fast = measure(mask);
        for (int n = 0; n <= 9; n++) {
            for (int m = n % 2; m <= n; m += 2) {
                double re = 0.0;
                double im = 0.0;
                for (int y = 0; y < mask.height(); y++) {
                    for (int x = 0; x < mask.width(); x++) {
                        if (!mask.contains(x, y)) continue;
                        double u = (x - cx) / r;
                        double v = (y - cy) / r;
                        double rho = Math.hypot(u, v);
                        assertTrue(rho <= 1 + 1e-9, where + ": pixel outside its enclosing circle");
                        double radial = 0.0;
                        for (int k = 0; k <= (n - m) / 2; k++) {
                            radial += Math.pow(-1, k) * fact(n - k)
                                    / (fact(k) * fact((n + m) / 2 - k) * fact((n - m) / 2 - k)) * Math.pow(rho, n - 2 * k);
                        }
                        double phi = Math.atan2(v, u);
                        re += radial * Math.cos(m * phi);
                        im += radial * Math.sin(m * phi);
                    }
                }
                double expected = Math.hypot(re, im) / (Math.PI * r * r);
                assertEquals(expected, fast[index(n, m)], 1e-9, where + " Zernike_" + n + "_" + m);
            }
        }
    }

    private static double fact(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /** Turning or mirroring the pixel grid permutes the pixels exactly: magnitudes agree to rounding. */
    @Test
    void magnitudesIgnoreExactRotationAndMirroring() {
        for (long seed = 3; seed <= 12; seed++) {
            ObjectMask mask = ShapeMasks.blob(seed, 30);
            double[] original = measure(mask);
            double[] turned = measure(ShapeMasks.rotate90(mask));
            double[] mirrored = measure(ShapeMasks.mirror(mask));
            for (int k = 0; k < COUNT; k++) {
                assertEquals(original[k], turned[k], 1e-9, "turned, seed " + seed + " " + FAMILY.columns().get(k));
                assertEquals(original[k], mirrored[k], 1e-9, "mirrored, seed " + seed + " " + FAMILY.columns().get(k));
            }
        }
    }

    /**
     * An off-centre ellipse rasterised at 0 and at 33 degrees: the magnitudes agree up
     * to digitisation, which moves rim pixels and so each value by about
     * rim pixels / circle area ~ 2 / b; 0.03 covers a 36 x 18 ellipse.
     */
    @Test
    void magnitudesIgnoreRotationUpToDigitisation() {
        double[] upright = measure(ShapeMasks.ellipse(101, 101, 50, 50, 36, 18, 0));
        double[] turned = measure(ShapeMasks.ellipse(101, 101, 47, 52, 36, 18, 33));
        for (int k = 0; k < COUNT; k++) {
            assertEquals(upright[k], turned[k], 0.03, FAMILY.columns().get(k));
        }
    }

    /**
     * Known answers for an ellipse with semi-axes a = 36, b = 18, whose enclosing
     * circle is radius a: in unit coordinates it has semi-axes 1 and 1/2, with
     * integral u^2 = pi/8 and v^2 = pi/32. So Zernike_0_0 = b / a = 1/2,
     * Zernike_2_0 = |2 (pi/8 + pi/32) - pi/2| / pi = 3/16 and
     * Zernike_2_2 = |pi/8 - pi/32| / pi = 3/32. The pixel sums (about 2000 pixels)
     * approximate these smooth integrals to well under 1% of the area: 0.005.
     */
    @Test
    void ellipseLowOrderValues() {
        double[] z = measure(ShapeMasks.ellipse(101, 101, 50, 50, 36, 18, 0));
        assertEquals(0.5, z[index(0, 0)], 0.005);
        assertEquals(3.0 / 16, z[index(2, 0)], 0.005);
        assertEquals(3.0 / 32, z[index(2, 2)], 0.005);
        assertEquals(0.0, z[index(1, 1)], 1e-9);
    }

    /** A single pixel has a zero-radius circle (NaN in CellProfiler): all zeros. */
    @Test
    void singlePixelGivesZeros() {
        double[] z = measure(ShapeMasks.parse("...", ".#.", "..."));
        for (double value : z) {
            assertEquals(0.0, value);
        }
    }
}
