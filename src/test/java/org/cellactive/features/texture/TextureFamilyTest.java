package org.cellactive.features.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * Known answers for the Haralick features. Hand-derived values are checked to 1e-9
 * (double arithmetic on small exact counts). The comparison with the dense reference
 * below also uses 1e-9 relative: the family evaluates entropies as log₂T − Σc·log₂c/T and
 * HXY1/HXY2 through the marginals, which differs from the direct sums only by rounding;
 * InfoMeas2 is compared to 1e-6 because √(1 − e^{−2x}) amplifies rounding near x = 0.
 */
class TextureFamilyTest {
    private static final double EPS = 1e-9;
    private static final int F = HaralickFeature.values().length;

    private static ObjectMask full(int w, int h) {
        boolean[] inside = new boolean[w * h];
        Arrays.fill(inside, true);
        return new ObjectMask(w, h, inside);
    }

    /** Values per feature (13) per direction (4) for one channel: result[feature][direction]. */
    private static double[][] measure(TextureFamily family, CellImage image, ObjectMask mask) {
        double[] out = new double[family.columns().size()];
        family.measure(image, mask, out, 0);
        double[][] r = new double[F][4];
        for (int f = 0; f < F; f++) {
            for (int d = 0; d < 4; d++) {
                r[f][d] = out[f * 4 + d];
            }
        }
        return r;
    }

    private static int idx(HaralickFeature f) {
        return f.ordinal();
    }

    /** 8x8 checkerboard of grey levels 100 and 200 ((x+y) even -> 100). */
    private static CellImage checkerboard() {
        float[] plane = new float[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                plane[y * 8 + x] = ((x + y) % 2 == 0 ? 100 : 200) / 255f;
            }
        }
        return CellImage.ofGray(8, 8, plane);
    }

    @Test
    void columnNamesFollowCellProfiler() {
        TextureFamily family = new TextureFamily();
        assertEquals(52, family.columns().size());
        assertEquals("Texture_AngularSecondMoment_Gray_3_00_256", family.columns().get(0));
        assertEquals("Texture_Contrast_Gray_3_03_256", family.columns().get(7));
        assertEquals("Texture_InfoMeas2_Gray_3_03_256", family.columns().get(51));
        TextureFamily eight = new TextureFamily(8, 2, List.of(Channel.GRAY, Channel.BLUE));
        assertEquals(104, eight.columns().size());
        assertEquals("Texture_Contrast_Blue_2_01_8", eight.columns().get(52 + 4 + 1));
    }

    @Test
    void constantImage() {
        float[] plane = new float[100];
        Arrays.fill(plane, 0.5f); // rint(127.5) = 128, half to even
        double[][] r = measure(new TextureFamily(), CellImage.ofGray(10, 10, plane), full(10, 10));
        for (int d = 0; d < 4; d++) {
            assertEquals(1, r[idx(HaralickFeature.ANGULAR_SECOND_MOMENT)][d], EPS);
            assertEquals(0, r[idx(HaralickFeature.CONTRAST)][d], EPS);
            assertEquals(1, r[idx(HaralickFeature.CORRELATION)][d], EPS); // sigma 0 -> 1, as mahotas
            assertEquals(0, r[idx(HaralickFeature.VARIANCE)][d], EPS);
            assertEquals(1, r[idx(HaralickFeature.INVERSE_DIFFERENCE_MOMENT)][d], EPS);
            assertEquals(256, r[idx(HaralickFeature.SUM_AVERAGE)][d], EPS);
            assertEquals(0, r[idx(HaralickFeature.SUM_VARIANCE)][d], EPS);
            assertEquals(0, r[idx(HaralickFeature.SUM_ENTROPY)][d], EPS);
            assertEquals(0, r[idx(HaralickFeature.ENTROPY)][d], EPS);
            // p- = [1, 0, ..., 0] of length 129: var = 1/129 - 1/129^2
            assertEquals(128.0 / (129 * 129), r[idx(HaralickFeature.DIFFERENCE_VARIANCE)][d], EPS);
            assertEquals(0, r[idx(HaralickFeature.DIFFERENCE_ENTROPY)][d], EPS);
            assertEquals(0, r[idx(HaralickFeature.INFO_MEAS_1)][d], EPS);
            assertEquals(0, r[idx(HaralickFeature.INFO_MEAS_2)][d], EPS);
        }
    }

    @Test
    void checkerboardHandDerived() {
        // Scale 1. Direction 00 (0,1): 8*7 = 56 pairs, all {100,200}; symmetric matrix
        // M[100][200] = M[200][100] = 56, T = 112, p = 1/2 at both cells.
        double[][] r = measure(new TextureFamily(256, 1, List.of(Channel.GRAY)), checkerboard(), full(8, 8));
        double[] d0 = column(r, 0);
        assertEquals(0.5, d0[idx(HaralickFeature.ANGULAR_SECOND_MOMENT)], EPS);
        assertEquals(10000, d0[idx(HaralickFeature.CONTRAST)], EPS);
        // marginal 1/2 at 100 and 200: mean 150, variance 2500, sum ij p = 20000
        assertEquals(-1, d0[idx(HaralickFeature.CORRELATION)], EPS);
        assertEquals(2500, d0[idx(HaralickFeature.VARIANCE)], EPS);
        assertEquals(1.0 / 10001, d0[idx(HaralickFeature.INVERSE_DIFFERENCE_MOMENT)], EPS);
        assertEquals(300, d0[idx(HaralickFeature.SUM_AVERAGE)], EPS);
        assertEquals(0, d0[idx(HaralickFeature.SUM_VARIANCE)], EPS);
        assertEquals(0, d0[idx(HaralickFeature.SUM_ENTROPY)], EPS);
        assertEquals(1, d0[idx(HaralickFeature.ENTROPY)], EPS);
        // p- has 1 at |i-j| = 100 in an array of length 201
        assertEquals(200.0 / (201 * 201), d0[idx(HaralickFeature.DIFFERENCE_VARIANCE)], EPS);
        assertEquals(0, d0[idx(HaralickFeature.DIFFERENCE_ENTROPY)], EPS);
        // HX = HY = 1, HXY1 = HXY2 = 2: InfoMeas1 = (1 - 2)/1, InfoMeas2 = sqrt(1 - e^-2)
        assertEquals(-1, d0[idx(HaralickFeature.INFO_MEAS_1)], EPS);
        assertEquals(Math.sqrt(1 - Math.exp(-2)), d0[idx(HaralickFeature.INFO_MEAS_2)], EPS);

        // Direction 01 (1,1): 7*7 = 49 pairs of equal levels, 25 start on an even square
        // (level 100), 24 on an odd one: M[100][100] = 50, M[200][200] = 48, T = 98.
        double[] d1 = column(r, 1);
        double a = 25.0 / 49;
        double b = 24.0 / 49;
        double h = -(a * log2(a) + b * log2(b));
        double mean = 100 * a + 200 * b;
        double variance = 10000 * a + 40000 * b - mean * mean;
        assertEquals(a * a + b * b, d1[idx(HaralickFeature.ANGULAR_SECOND_MOMENT)], EPS);
        assertEquals(0, d1[idx(HaralickFeature.CONTRAST)], EPS);
        assertEquals(1, d1[idx(HaralickFeature.CORRELATION)], EPS);
        assertEquals(variance, d1[idx(HaralickFeature.VARIANCE)], 1e-7);
        assertEquals(1, d1[idx(HaralickFeature.INVERSE_DIFFERENCE_MOMENT)], EPS);
        assertEquals(2 * mean, d1[idx(HaralickFeature.SUM_AVERAGE)], EPS);
        assertEquals(4 * variance, d1[idx(HaralickFeature.SUM_VARIANCE)], 1e-7);
        assertEquals(h, d1[idx(HaralickFeature.SUM_ENTROPY)], EPS);
        assertEquals(h, d1[idx(HaralickFeature.ENTROPY)], EPS);
        assertEquals(200.0 / (201 * 201), d1[idx(HaralickFeature.DIFFERENCE_VARIANCE)], EPS);
        assertEquals(0, d1[idx(HaralickFeature.DIFFERENCE_ENTROPY)], EPS);
        assertEquals(-1, d1[idx(HaralickFeature.INFO_MEAS_1)], EPS);          // (h - 2h)/h
        assertEquals(Math.sqrt(1 - Math.exp(-2 * h)), d1[idx(HaralickFeature.INFO_MEAS_2)], EPS);

        // Directions 02 (1,0) and 03 (1,-1) mirror 00 and 01 on this board.
        assertEquals(d0[idx(HaralickFeature.CONTRAST)], column(r, 2)[idx(HaralickFeature.CONTRAST)], EPS);
        assertEquals(d1[idx(HaralickFeature.ENTROPY)], column(r, 3)[idx(HaralickFeature.ENTROPY)], EPS);
    }

    @Test
    void checkerboardAtScaleThreeKeepsParity() {
        // An odd scale flips parity exactly as scale 1 does: direction 00 pairs are all {100,200}.
        double[][] r = measure(new TextureFamily(), checkerboard(), full(8, 8));
        assertEquals(10000, r[idx(HaralickFeature.CONTRAST)][0], EPS);
        assertEquals(0, r[idx(HaralickFeature.CONTRAST)][1], EPS);
        // (1,1)*3: 5*5 = 25 starts, 13 even -> p = 13/25, 12/25
        double a = 13.0 / 25;
        double b = 12.0 / 25;
        assertEquals(-(a * log2(a) + b * log2(b)), r[idx(HaralickFeature.ENTROPY)][1], EPS);
    }

    @Test
    void quantisationFollowsCellProfiler() {
        assertEquals(128, TextureFamily.quantize(0.5f, 256));
        assertEquals(255, TextureFamily.quantize(1f, 256));
        assertEquals(7, TextureFamily.quantize(1f, 8));
        assertEquals(3, TextureFamily.quantize(0.5f, 8));           // 128/255*7 = 3.51 -> 3
        assertEquals(0, TextureFamily.quantize(36 / 255f, 8));      // 0.988 -> 0: ignored
        assertEquals(1, TextureFamily.quantize(37 / 255f, 8));      // 1.016 -> 1
        assertEquals(1, TextureFamily.quantize(17 / 255f, 16));     // 17/255*15 = 1 exactly
    }

    @Test
    void quantisationClipsOutOfRangeValuesAndRoundsHalfToEven() {
        assertEquals(0, TextureFamily.quantize(-0.0f, 256));
        assertEquals(0, TextureFamily.quantize(-0.25f, 256));
        assertEquals(255, TextureFamily.quantize(Math.nextUp(1f), 256));
        assertEquals(255, TextureFamily.quantize(7f, 256));
        assertEquals(0, TextureFamily.quantize(Float.NaN, 256));
        // Gray means of three levels land between byte levels: 1/3 of a level rounds down, 2/3 up.
        assertEquals(100, TextureFamily.quantize((100 / 255f + 100 / 255f + 101 / 255f) / 3f, 256));
        assertEquals(101, TextureFamily.quantize((100 / 255f + 101 / 255f + 101 / 255f) / 3f, 256));
        for (int k = 0; k < 256; k++) {
            assertEquals(k, TextureFamily.quantize(k / 255f, 256));
        }
    }

    @Test
    void eightLevelsCheckerboard() {
        // values 1.0 and 0.5 -> levels 7 and 3 with 8 levels: contrast (7-3)^2 = 16 horizontally
        float[] plane = new float[36];
        for (int i = 0; i < 36; i++) plane[i] = ((i / 6 + i % 6) % 2 == 0) ? 1f : 0.5f;
        double[][] r = measure(new TextureFamily(8, 1, List.of(Channel.GRAY)), CellImage.ofGray(6, 6, plane), full(6, 6));
        assertEquals(16, r[idx(HaralickFeature.CONTRAST)][0], EPS);
        assertEquals(10, r[idx(HaralickFeature.SUM_AVERAGE)][0], EPS);
        // p- has 1 at 4 in an array of length 8 (max level 7 + 1)
        assertEquals(7.0 / 64, r[idx(HaralickFeature.DIFFERENCE_VARIANCE)][0], EPS);
    }

    @Test
    void pixelsOutsideTheObjectAndZeroLevelsAreIgnored() {
        // Object: left 4 columns of a 6x4 crop, constant 0.5; the rest is bright noise
        // that must not count. A zero-level pixel inside the object is ignored too.
        float[] plane = new float[24];
        boolean[] inside = new boolean[24];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                inside[y * 6 + x] = x < 4;
                plane[y * 6 + x] = x < 4 ? 0.5f : (x * 37 + y * 11) % 255 / 255f;
            }
        }
        plane[0] = 0f;
        double[][] r = measure(new TextureFamily(256, 1, List.of(Channel.GRAY)), CellImage.ofGray(6, 4, plane), new ObjectMask(6, 4, inside));
        for (int d = 0; d < 4; d++) {
            assertEquals(0, r[idx(HaralickFeature.CONTRAST)][d], EPS);
            assertEquals(1, r[idx(HaralickFeature.ANGULAR_SECOND_MOMENT)][d], EPS);
        }
    }

    @Test
    void anEmptyDirectionZeroesTheWholeObject() {
        // A one-pixel-wide vertical line has no horizontal pair: mahotas raises, CellProfiler
        // stores NaN for every direction, the family writes 0 everywhere.
        float[] plane = new float[15];
        boolean[] inside = new boolean[15];
        for (int y = 0; y < 5; y++) {
            plane[y * 3 + 1] = (y + 1) / 10f;
            inside[y * 3 + 1] = true;
        }
        TextureFamily family = new TextureFamily(256, 1, List.of(Channel.GRAY));
        double[] out = new double[52];
        Arrays.fill(out, Double.NaN);
        family.measure(CellImage.ofGray(3, 5, plane), new ObjectMask(3, 5, inside), out, 0);
        for (double v : out) assertEquals(0, v, 0.0);
    }

    @Test
    void matchesADenseMahotasStyleReferenceOnRandomTextures() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int w = 12 + random.nextInt(30);
            int h = 12 + random.nextInt(30);
            int levels = trial % 3 == 0 ? 8 : 256;
            int scale = 1 + random.nextInt(3);
            float[] plane = new float[w * h];
            boolean[] inside = new boolean[w * h];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = random.nextInt(60) / 255f + (i % 7) * 0.05f;
                int x = i % w;
                int y = i / w;
                double dx = (x - w / 2.0) / (w / 2.0);
                double dy = (y - h / 2.0) / (h / 2.0);
                inside[i] = dx * dx + dy * dy < 1;
            }
            TextureFamily family = new TextureFamily(levels, scale, List.of(Channel.GRAY));
            double[][] r = measure(family, CellImage.ofGray(w, h, plane), new ObjectMask(w, h, inside));
            int[][] image = new int[h][w];
            for (int i = 0; i < plane.length; i++) {
                image[i / w][i % w] = inside[i] ? TextureFamily.quantize(plane[i], levels) : 0;
            }
            int[][] deltas = {{0, 1}, {1, 1}, {1, 0}, {1, -1}};
            for (int d = 0; d < 4; d++) {
                double[] expected = reference(image, deltas[d][0] * scale, deltas[d][1] * scale);
                for (int f = 0; f < F; f++) {
                    double tol = f == idx(HaralickFeature.INFO_MEAS_2) ? 1e-6 : 1e-9 * Math.max(1, Math.abs(expected[f]));
                    assertEquals(expected[f], r[f][d], tol, "trial " + trial + " dir " + d + " " + HaralickFeature.values()[f]);
                }
            }
        }
    }

    private static double[] column(double[][] r, int d) {
        double[] c = new double[F];
        for (int f = 0; f < F; f++) c[f] = r[f][d];
        return c;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static double entropy(double[] p) {
        double s = 0;
        for (double v : p) if (v > 0) s -= v * log2(v);
        return s;
    }

    /** A line-by-line transcription of mahotas' haralick_features on a dense matrix. */
    private static double[] reference(int[][] f, int dy, int dx) {
        int h = f.length;
        int w = f[0].length;
        int maxv = 0;
        for (int[] row : f) for (int v : row) maxv = Math.max(maxv, v);
        maxv += 1;
        double[][] cmat = new double[maxv][maxv];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int yy = y + dy;
                int xx = x + dx;
                if (yy >= 0 && yy < h && xx >= 0 && xx < w) cmat[f[y][x]][f[yy][xx]]++;
            }
        }
        for (int y = 0; y < maxv; y++) {
            for (int x = y; x < maxv; x++) {
                double total = cmat[y][x] + cmat[x][y];
                cmat[y][x] = total;
                cmat[x][y] = total;
            }
        }
        for (int k = 0; k < maxv; k++) {
            cmat[0][k] = 0;
            cmat[k][0] = 0;
        }
        double t = 0;
        for (double[] row : cmat) for (double v : row) t += v;
        double[][] p = new double[maxv][maxv];
        double[] px = new double[maxv];
        double[] py = new double[maxv];
        for (int i = 0; i < maxv; i++) {
            for (int j = 0; j < maxv; j++) {
                p[i][j] = cmat[i][j] / t;
                px[j] += p[i][j];
                py[i] += p[i][j];
            }
        }
        double ux = 0, uy = 0, vx = 0, vy = 0;
        for (int k = 0; k < maxv; k++) {
            ux += px[k] * k;
            uy += py[k] * k;
            vx += px[k] * k * k;
            vy += py[k] * k * k;
        }
        vx -= ux * ux;
        vy -= uy * uy;
        double sx = Math.sqrt(vx), sy = Math.sqrt(vy);
        double[] plus = new double[2 * maxv];
        double[] minus = new double[maxv];
        double asm = 0, contrast = 0, ij = 0, idm = 0, hxy = 0;
        for (int i = 0; i < maxv; i++) {
            for (int j = 0; j < maxv; j++) {
                plus[i + j] += p[i][j];
                minus[Math.abs(i - j)] += p[i][j];
                asm += p[i][j] * p[i][j];
                ij += (double) i * j * p[i][j];
                idm += p[i][j] / (1 + (i - j) * (i - j));
            }
        }
        for (int k = 0; k < maxv; k++) contrast += (double) k * k * minus[k];
        double[] feats = new double[13];
        feats[0] = asm;
        feats[1] = contrast;
        feats[2] = (sx == 0 || sy == 0) ? 1 : (ij - ux * uy) / sx / sy;
        feats[3] = vx;
        feats[4] = idm;
        double sa = 0, s2 = 0;
        for (int k = 0; k < plus.length; k++) {
            sa += k * plus[k];
            s2 += (double) k * k * plus[k];
        }
        feats[5] = sa;
        feats[7] = entropy(plus);
        feats[6] = s2 - sa * sa;
        double[] flat = new double[maxv * maxv];
        for (int i = 0; i < maxv; i++) System.arraycopy(p[i], 0, flat, i * maxv, maxv);
        feats[8] = entropy(flat);
        double mean = 0;
        for (double v : minus) mean += v;
        mean /= maxv;
        double var = 0;
        for (double v : minus) var += (v - mean) * (v - mean);
        feats[9] = var / maxv;
        feats[10] = entropy(minus);
        double hx = entropy(px), hy = entropy(py);
        double hxy1 = 0, hxy2 = 0;
        for (int a = 0; a < maxv; a++) {
            for (int b = 0; b < maxv; b++) {
                double c = px[a] * py[b];
                if (c > 0) {
                    hxy1 -= p[a][b] * log2(c);
                    hxy2 -= c * log2(c);
                }
            }
        }
        feats[11] = Math.max(hx, hy) == 0 ? feats[8] - hxy1 : (feats[8] - hxy1) / Math.max(hx, hy);
        feats[12] = Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (hxy2 - feats[8]))));
        for (int k = 0; k < 13; k++) if (!Double.isFinite(feats[k])) feats[k] = 0;
        return feats;
    }

    /**
     * The per-thread matrix is cleared cell by cell between objects: an object measured after
     * others (one with an empty direction) gives the same bits
     * as measured first.
     */
    @Test
    void reusedScratchLeavesNoTrace() {
        Random random = new Random(11);
        float[] textured = new float[20 * 16];
        for (int i = 0; i < textured.length; i++) {
            textured[i] = random.nextInt(4) == 0 ? 0f : random.nextInt(256) / 255f;
        }
        CellImage image = CellImage.ofGray(20, 16, textured);
        ObjectMask mask = full(20, 16);
        TextureFamily family = new TextureFamily(256, 1, List.of(Channel.GRAY));
        double[] first = new double[52];
        family.measure(image, mask, first, 0);
        double[] scratch = new double[52];
        // The first row alone: the same pairs in direction 00, the other directions empty.
        family.measure(CellImage.ofGray(20, 1, Arrays.copyOf(textured, 20)), full(20, 1), scratch, 0);
        family.measure(checkerboard(), full(8, 8), scratch, 0);
        double[] again = new double[52];
        family.measure(image, mask, again, 0);
        assertEquals(Arrays.toString(first), Arrays.toString(again));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new TextureFamily(1, 3, List.of(Channel.GRAY)));
        assertThrows(IllegalArgumentException.class, () -> new TextureFamily(257, 3, List.of(Channel.GRAY)));
        assertThrows(IllegalArgumentException.class, () -> new TextureFamily(256, 0, List.of(Channel.GRAY)));
    }

    /** Golden check on real cells against the dense reference, at CellProfiler's defaults and at 8 levels. */
    @Test
    void matchesTheDenseReferenceOnBccdCells() throws IOException {
        List<BccdCrops.Cell> cells = BccdCrops.firstImages(4);
        assertEquals(true, cells.size() > 20, "cells: " + cells.size());
        for (int levels : new int[] {256, 8}) {
            TextureFamily family = new TextureFamily(levels, 3, List.of(Channel.GRAY));
            for (BccdCrops.Cell cell : cells) {
                double[][] r = measure(family, cell.image(), cell.mask());
                int w = cell.image().width();
                int h = cell.image().height();
                int[][] image = new int[h][w];
                for (int i = 0; i < w * h; i++) {
                    image[i / w][i % w] = cell.mask().inside()[i] ? TextureFamily.quantize(cell.image().gray()[i], levels) : 0;
                }
                int[][] deltas = {{0, 3}, {3, 3}, {3, 0}, {3, -3}};
                for (int d = 0; d < 4; d++) {
                    double[] expected = reference(image, deltas[d][0], deltas[d][1]);
                    for (int f = 0; f < F; f++) {
                        double tol = f == idx(HaralickFeature.INFO_MEAS_2) ? 1e-6 : 1e-9 * Math.max(1, Math.abs(expected[f]));
                        assertEquals(expected[f], r[f][d], tol, levels + " dir " + d + " " + HaralickFeature.values()[f]);
                    }
                }
            }
        }
    }
}
