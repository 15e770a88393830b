package org.cellactive.features.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.cellactive.features.family.MeasurementFamily;
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
 * <p>Computation: every Zernike polynomial up to order 9 is a polynomial in u and v,
 * so the sums over pixels need only the 55 geometric moments sum u^p v^q (p + q <= 9).
 * Those are gathered row by row: per pixel, the ten powers of u; per row, their
 * products with the powers of v. Each of the 30 pairs (m, j) of
 * sum rho^(2j) (u + iv)^m is then a fixed combination of moments (binomial
 * expansion, precomputed), and each Zernike value a combination of those with the
 * radial coefficients. Every pixel centre lies in the enclosing circle, so no pixel
 * is dropped (centrosome drops those that rounding puts a hair outside).
 */
public final class ZernikeFamily implements MeasurementFamily {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ORDER = 9;

    private static final int[] N;
    private static final int[] M;
    private static final double[][] COEFFICIENTS;
    /** Start of the (m, j) sums for each m; j runs 0..(MAX_ORDER - m) / 2. */
    private static final int[] SUM_BASE = new int[MAX_ORDER + 2];
    private static final List<String> COLUMNS;
    /**
     * For pair (m, j), with degree d = m + 2j: the real and imaginary coefficients of
     * u^p v^(d - p), p = 0..d, in (u^2 + v^2)^j (u + iv)^m.
     */
    private static final double[][] EXPANSION_RE = new double[pairCount()][];
    private static final double[][] EXPANSION_IM = new double[pairCount()][];

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
            for (int j = 0; m + 2 * j <= MAX_ORDER; j++) {
                expand(m, j, SUM_BASE[m] + j);
            }
        }
    }

    private static int pairCount() {
        int size = 0;
        for (int m = 0; m <= MAX_ORDER; m++) size += (MAX_ORDER - m) / 2 + 1;
        return size;
    }

    /** Fills the expansion of (u^2 + v^2)^j (u + iv)^m into powers u^p v^(d - p). */
    private static void expand(int m, int j, int slot) {
        int degree = m + 2 * j;
        double[] re = new double[degree + 1];
        double[] im = new double[degree + 1];
        for (int a = 0; a <= j; a++) {
            double ca = binomial(j, a);
            for (int b = 0; b <= m; b++) {
                // u^(2a) v^(2(j-a)) * C(m, b) u^b (iv)^(m-b); i^k cycles 1, i, -1, -i.
                double c = ca * binomial(m, b);
                int p = 2 * a + b;
                switch ((m - b) % 4) {
                    case 0: re[p] += c; break;
                    case 1: im[p] += c; break;
                    case 2: re[p] -= c; break;
                    default: im[p] -= c; break;
                }
            }
        }
        EXPANSION_RE[slot] = re;
        EXPANSION_IM[slot] = im;
    }

    private static double binomial(int n, int k) {
        return factorial(n) / (factorial(k) * factorial(n - k));
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
            Arrays.fill(out, offset, offset + N.length, 0.0);
            return;
        }
        double[] moments = geometricMoments(object, circle);
        int pairs = SUM_BASE[MAX_ORDER + 1];
        double[] sumRe = new double[pairs];
        double[] sumIm = new double[pairs];
        for (int slot = 0; slot < pairs; slot++) {
            double[] re = EXPANSION_RE[slot];
            double[] im = EXPANSION_IM[slot];
            int degree = re.length - 1;
            for (int p = 0; p <= degree; p++) {
                double moment = moments[p * (MAX_ORDER + 1) + degree - p];
                sumRe[slot] += re[p] * moment;
                sumIm[slot] += im[p] * moment;
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

    /**
     * sum over object pixels of u^p v^q for p + q <= 9, at index p * 10 + q, where
     * (u, v) is the pixel centre mapped into the unit disk.
     */
    private static double[] geometricMoments(PaddedObject object, EnclosingCircle circle) {
        int size = MAX_ORDER + 1;
        double[] moments = new double[size * size];
        double r = circle.radius();
        byte[] grid = object.grid();
        int w = object.gridWidth();
        for (int y = 0; y < object.boxHeight(); y++) {
            int left = object.rowLeft(y);
            if (left < 0) continue;
            int right = object.rowRight(y);
            int row = (y + 1) * w + 1;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0;
            for (int x = left; x <= right; x++) {
                if (grid[row + x] == 0) continue;
                double u = (x - circle.centerX()) / r;
                double u2 = u * u;
                double u3 = u2 * u;
                double u4 = u2 * u2;
                a0 += 1.0;
                a1 += u;
                a2 += u2;
                a3 += u3;
                a4 += u4;
                a5 += u4 * u;
                a6 += u4 * u2;
                a7 += u4 * u3;
                a8 += u4 * u4;
                a9 += u4 * u4 * u;
            }
            double[] rowSums = {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9};
            double v = (y - circle.centerY()) / r;
            for (int p = 0; p <= MAX_ORDER; p++) {
                double vq = 1.0;
                for (int q = 0; p + q <= MAX_ORDER; q++) {
                    moments[p * size + q] += rowSums[p] * vq;
                    vq *= v;
                }
            }
        }
        return moments;
    }
}
