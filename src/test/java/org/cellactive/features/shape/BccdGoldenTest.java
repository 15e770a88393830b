package org.cellactive.features.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;

/**
 * Real BCCD cells (a WBC, an RBC and a platelet), measured by the families and by
 * slow, direct implementations written here: counting, the literal
 * erode-convolve-weigh perimeter, two-pass moments, flood-fill Euler number,
 * all-pairs Feret, an exhaustive distance search. The masks come from a plain Otsu
 * threshold for dark pixels and the largest 8-connected component, with holes kept
 * so the Euler number is exercised. The project's own segmentation is not used, so
 * this test pins the measurements only.
 */
class BccdGoldenTest {
    private static final double EXACT = 1e-9;

    /** Boxes as in the VOC files: xmin, ymin, xmax, ymax, 1-based inclusive. */
    private static final Object[][] CELLS = {
        {"BloodImage_00000", new int[] {260, 177, 491, 376}},  // WBC
        {"BloodImage_00000", new int[] {78, 336, 184, 435}},   // RBC
        {"BloodImage_00003", new int[] {335, 268, 370, 299}},  // Platelets
    };

    private static File root() {
        String root = System.getProperty("cellactive.bccd");
        assertTrue(root != null, "system property cellactive.bccd is not set (surefire sets it)");
        return new File(root);
    }

    @Test
    void areaShapeMatchesDirectComputationOnRealCells() throws IOException {
        AreaShapeFamily family = new AreaShapeFamily();
        List<Integer> eulerNumbers = new ArrayList<>();
        for (Object[] cell : CELLS) {
            ObjectMask mask = BccdCells.mask(root(), (String) cell[0], (int[]) cell[1]);
            String where = cell[0] + " " + Arrays.toString((int[]) cell[1]);
            assertTrue(mask.area() > 50, where + " area " + mask.area());
            double[] out = new double[family.columns().size()];
            family.measure(ShapeMasks.blankFor(mask), mask, out, 0);
            List<String> c = family.columns();

            List<int[]> px = new ArrayList<>();
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
            for (int y = 0; y < mask.height(); y++) {
                for (int x = 0; x < mask.width(); x++) {
                    if (!mask.contains(x, y)) continue;
                    px.add(new int[] {x, y});
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
            double n = px.size();
            assertEquals(n, out[c.indexOf("AreaShape_Area")], where);
            double box = (maxX - minX + 1.0) * (maxY - minY + 1.0);
            assertEquals(box, out[c.indexOf("AreaShape_BoundingBoxArea")], where);
            assertEquals(n / box, out[c.indexOf("AreaShape_Extent")], EXACT, where);

            double perimeter = LiteralPerimeter.of(mask);
            assertEquals(perimeter, out[c.indexOf("AreaShape_Perimeter")], EXACT, where);
            assertEquals(4 * Math.PI * n / (perimeter * perimeter), out[c.indexOf("AreaShape_FormFactor")], EXACT, where);

            double mx = 0, my = 0;
            for (int[] p : px) {
                mx += p[0];
                my += p[1];
            }
            mx /= n;
            my /= n;
            double vx = 0, vy = 0, cxy = 0;
            for (int[] p : px) {
                vx += (p[0] - mx) * (p[0] - mx);
                vy += (p[1] - my) * (p[1] - my);
                cxy += (p[0] - mx) * (p[1] - my);
            }
            vx /= n;
            vy /= n;
            cxy /= n;
            double root = Math.sqrt((vx - vy) * (vx - vy) / 4 + cxy * cxy);
            double l1 = (vx + vy) / 2 + root;
            double l2 = (vx + vy) / 2 - root;
            assertEquals(mx, out[c.indexOf("AreaShape_Center_X")], EXACT, where);
            assertEquals(my, out[c.indexOf("AreaShape_Center_Y")], EXACT, where);
            assertEquals(4 * Math.sqrt(l1), out[c.indexOf("AreaShape_MajorAxisLength")], 1e-6, where);
            assertEquals(4 * Math.sqrt(l2), out[c.indexOf("AreaShape_MinorAxisLength")], 1e-6, where);
            assertEquals(Math.sqrt(1 - l2 / l1), out[c.indexOf("AreaShape_Eccentricity")], 1e-6, where);
            assertEquals(Math.toDegrees(0.5 * Math.atan2(2 * cxy, vy - vx)), out[c.indexOf("AreaShape_Orientation")], 1e-6, where);

            assertEquals(floodFillEuler(mask), out[c.indexOf("AreaShape_EulerNumber")], where);
            eulerNumbers.add(floodFillEuler(mask));

            // The farthest pair are extreme points, so edge pixels suffice.
            List<int[]> edge = new ArrayList<>();
            for (int[] p : px) {
                if (!mask.contains(p[0] - 1, p[1]) || !mask.contains(p[0] + 1, p[1])
                        || !mask.contains(p[0], p[1] - 1) || !mask.contains(p[0], p[1] + 1)) {
                    edge.add(p);
                }
            }
            double feret = 0;
            for (int i = 0; i < edge.size(); i++) {
                for (int j = i + 1; j < edge.size(); j++) {
                    feret = Math.max(feret, Math.hypot(edge.get(i)[0] - edge.get(j)[0], edge.get(i)[1] - edge.get(j)[1]));
                }
            }
            assertEquals(feret, out[c.indexOf("AreaShape_MaxFeretDiameter")], EXACT, where);

            double[] distances = exhaustiveDistances(mask, px);
            double sum = 0;
            for (double d : distances) sum += d;
            Arrays.sort(distances);
            int k = distances.length;
            double median = k % 2 == 1 ? distances[k / 2] : (distances[k / 2 - 1] + distances[k / 2]) / 2;
            assertEquals(distances[k - 1], out[c.indexOf("AreaShape_MaximumRadius")], EXACT, where);
            assertEquals(sum / k, out[c.indexOf("AreaShape_MeanRadius")], EXACT, where);
            assertEquals(median, out[c.indexOf("AreaShape_MedianRadius")], EXACT, where);
            for (double v : out) {
                assertTrue(Double.isFinite(v), where);
            }
        }
        // The unfilled threshold masks have holes, so the Euler check is not trivial.
        assertTrue(eulerNumbers.stream().anyMatch(e -> e != 1), "Euler numbers " + eulerNumbers);
    }

    @Test
    void zernikeMatchesDirectEvaluationOnRealCells() throws IOException {
        for (Object[] cell : CELLS) {
            ObjectMask mask = BccdCells.mask(root(), (String) cell[0], (int[]) cell[1]);
            ZernikeFamilyTest.assertMatchesDirectEvaluation(mask, cell[0] + " " + Arrays.toString((int[]) cell[1]));
        }
    }

    /** 8-connected objects minus 4-connected background pieces that do not reach the padded border. */
    private static int floodFillEuler(ObjectMask mask) {
        int w = mask.width() + 2;
        int h = mask.height() + 2;
        boolean[] object = new boolean[w * h];
        boolean[] background = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                object[y * w + x] = mask.contains(x - 1, y - 1);
                background[y * w + x] = !object[y * w + x];
            }
        }
        int objects = Arrays.stream(BccdCells.labels(object, w, h, true)).max().orElse(0);
        int pieces = Arrays.stream(BccdCells.labels(background, w, h, false)).max().orElse(0);
        return objects - (pieces - 1); // exactly one background piece holds the padding ring
    }

    private static double[] exhaustiveDistances(ObjectMask mask, List<int[]> px) {
        // The nearest background pixel always touches the object (one step from it towards
        // the object pixel is nearer, so it must be object), so only those are searched.
        List<int[]> background = new ArrayList<>();
        for (int y = -1; y <= mask.height(); y++) {
            for (int x = -1; x <= mask.width(); x++) {
                if (mask.contains(x, y)) continue;
                boolean touches = false;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        touches |= mask.contains(x + dx, y + dy);
                    }
                }
                if (touches) background.add(new int[] {x, y});
            }
        }
        double[] out = new double[px.size()];
        for (int i = 0; i < px.size(); i++) {
            int best = Integer.MAX_VALUE;
            for (int[] b : background) {
                int dx = b[0] - px.get(i)[0];
                int dy = b[1] - px.get(i)[1];
                best = Math.min(best, dx * dx + dy * dy);
            }
            out[i] = Math.sqrt(best);
        }
        return out;
    }
}
