package org.cellactive.features.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cellactive.features.MeasurementFamily;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;

/**
 * CellProfiler's Zernike shape features ({@code AreaShape_Zernike_n_m}, n = 0..9,
 * m = n mod 2, ..., n in steps of 2: 30 columns, in CellProfiler's order), as
 * {@code centrosome.zernike.zernike} computes them. An optional family: off unless
 * selected, because it costs more than the rest of AreaShape.
 *
 * <p>The object is mapped into the unit disk by its minimum enclosing circle
 * (centre c, radius r) of its pixel centres: pixel centre p goes to (p - c) / r.
 * Each value is
 * <pre>  |sum over object pixels with rho <= 1 of R_nm(rho) e^{i m phi}| / (pi r^2)</pre>
 * where R_nm is the Zernike radial polynomial. So the normalisation is the area of
 * the enclosing circle in pixels, not the object's pixel count, and there is no
 * (n + 1) / pi factor: a filled disk gives Zernike_0_0 close to 1 (its area over the
 * circle's area) and every other value close to 0. Magnitudes do not depend on the
 * angle's origin or direction, so they are rotation and reflection invariant.
 *
 * <p>Differences from CellProfiler: pixels whose rho exceeds 1 only by rounding
 * (the circle's own support pixels) are kept, where centrosome keeps whatever its
 * rounding gives; a one-pixel object (r = 0, NaN in CellProfiler) gives zeros.
 *
 * <p>Computation: the sums of rho^(2j) (u + iv)^m over the pixels are gathered once
 * for every (m, j) the 30 polynomials need (30 pairs), then each moment is a short
 * combination of them with the radial polynomial's coefficients.
 */
public final class ZernikeFamily implements MeasurementFamily {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ORDER = 9;
    /** Relative slack on rho^2 <= 1 for the enclosing circle's own pixels. */
    private static final double RIM_SLACK = 1e-9;

    private static final int[] N;
    private static final int[] M;
    private static final double[][] COEFFICIENTS;
    /** Start of the (m, j) sums for each m; j runs 0..(MAX_ORDER - m) / 2. */
    private static final int[] SUM_BASE = new int[MAX_ORDER + 2];
    private static final List<String> COLUMNS;

    static {
        List<int[]> indexes = new ArrayList<>();
        for (int n = 0; n <= MAX_ORDER; n++) {
            for (int m = n % 2; m <= n; m += 2) {
                indexes.add(new int[] {n, m});
            }
        }
        N = new int[indexes.size()];
        M = new int[indexes.size()];
        COEFFICIENTS = new double[indexes.size()][];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            int n = indexes.get(k)[0];
            int m = indexes.get(k)[1];
            N[k] = n;
            M[k] = m;
            COEFFICIENTS[k] = radialCoefficients(n, m);
            names.add("AreaShape_Zernike_" + n + "_" + m);
        }
        COLUMNS = Collections.unmodifiableList(names);
        for (int m = 0; m <= MAX_ORDER; m++) {
            SUM_BASE[m + 1] = SUM_BASE[m] + (MAX_ORDER - m) / 2 + 1;
        }
    }

    /**
     * Coefficient of rho^(n - 2k) in R_nm, for k = 0..(n - m)/2:
     * (-1)^k (n - k)! / (k! ((n + m)/2 - k)! ((n - m)/2 - k)!).
     */
    static double[] radialCoefficients(int n, int m) {
        int terms = (n - m) / 2 + 1;
        double[] c = new double[terms];
        for (int k = 0; k < terms; k++) {
            double value = factorial(n - k) / (factorial(k) * factorial((n + m) / 2 - k) * factorial((n - m) / 2 - k));
            c[k] = (k % 2 == 0) ? value : -value;
        }
        return c;
    }

    private static double factorial(int n) {
        double f = 1.0;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    @Override
    public String name() {
        return "Zernike";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void measure(CellImage image, ObjectMask mask, double[] out, int offset) {
        PaddedObject object = PaddedObject.of(mask);
        EnclosingCircle circle = EnclosingCircle.of(LatticeHull.ofPixelCentres(object));
        double r = circle.radius();
        if (r <= 0.0) {
            java.util.Arrays.fill(out, offset, offset + N.length, 0.0);
            return;
        }
        double[] sumRe = new double[SUM_BASE[MAX_ORDER + 1]];
        double[] sumIm = new double[sumRe.length];
        byte[] grid = object.grid();
        int w = object.gridWidth();
        int h = object.gridHeight();
        double limit = 1.0 + RIM_SLACK;
        for (int gy = 1; gy < h - 1; gy++) {
            double v = (gy - 1 - circle.centerY()) / r;
            int row = gy * w;
            for (int gx = 1; gx < w - 1; gx++) {
                if (grid[row + gx] == 0) continue;
                double u = (gx - 1 - circle.centerX()) / r;
                double rho2 = u * u + v * v;
                if (rho2 > limit) continue;
                double wr = 1.0;
                double wi = 0.0;
                for (int m = 0; m <= MAX_ORDER; m++) {
                    int base = SUM_BASE[m];
                    int top = SUM_BASE[m + 1];
                    double p = 1.0;
                    for (int s = base; s < top; s++) {
                        sumRe[s] += p * wr;
                        sumIm[s] += p * wi;
                        p *= rho2;
                    }
                    double nr = wr * u - wi * v;
                    wi = wr * v + wi * u;
                    wr = nr;
                }
            }
        }
        double circleArea = Math.PI * r * r;
        for (int k = 0; k < N.length; k++) {
            double[] c = COEFFICIENTS[k];
            int base = SUM_BASE[M[k]];
            int top = c.length - 1;
            double re = 0.0;
            double im = 0.0;
            for (int t = 0; t <= top; t++) {
                // Term t multiplies rho^(n - 2t) = rho^m * rho^(2 (top - t)).
                re += c[t] * sumRe[base + top - t];
                im += c[t] * sumIm[base + top - t];
            }
            out[offset + k] = Math.hypot(re, im) / circleArea;
        }
    }
}
