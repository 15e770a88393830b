package org.cellactive.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ShapeRefinement}: the typical red cell of an image, fragments merged, clumps split by size. */
class SegmentationShapeTest {
    private static final int W = 320;
    private static final int H = 160;
    private static final double R = 20;

    /** Labels painted disc by disc; a disc given an existing label joins that object. */
    private static final class Painter {
        final int[] labels = new int[W * H];

        Painter disc(double cx, double cy, double r, int label) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                        labels[y * W + x] = label;
                    }
                }
            }
            return this;
        }

        /** Three lone discs of radius R across the bottom: the image's typical cell. */
        Painter loneCells(int first) {
            return disc(40, 125, R, first).disc(100, 125, R, first + 1).disc(160, 125, R, first + 2);
        }

        int apply(int count) {
            byte[] mask = new byte[W * H];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (labels[i] > 0 ? 1 : 0);
            }
            return ShapeRefinement.apply(labels, count, DistanceTransform.of(mask, W, H), W, H, 100);
        }

        /** Boxes [x0, y0, x1, y1] of labels 1..count. */
        List<int[]> boxes(int count) {
            List<int[]> out = new ArrayList<>();
            for (int l = 1; l <= count; l++) {
                int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == l) {
                        b[0] = Math.min(b[0], i % W);
                        b[1] = Math.min(b[1], i / W);
                        b[2] = Math.max(b[2], i % W);
                        b[3] = Math.max(b[3], i / W);
                    }
                }
                out.add(b);
            }
            return out;
        }
    }

    private static int[] boxAt(List<int[]> boxes, int cx, int cy) {
        for (int[] b : boxes) {
            if (b[0] <= cx && cx <= b[2] && b[1] <= cy && cy <= b[3]) {
                return b;
            }
        }
        throw new AssertionError("no box holds " + cx + "," + cy);
    }

    private static double iou(int[] a, double x0, double y0, double x1, double y1) {
        double ix = Math.max(0, Math.min(a[2], x1) - Math.max(a[0], x0) + 1);
        double iy = Math.max(0, Math.min(a[3], y1) - Math.max(a[1], y0) + 1);
        double inter = ix * iy;
        double union = (a[2] - a[0] + 1.0) * (a[3] - a[1] + 1) + (x1 - x0 + 1) * (y1 - y0 + 1) - inter;
        return inter / union;
    }

    @Test
    void twoOverlappingDiscsHeldAsOneObjectAreSplitInTwo() {
        // Centres one radius apart (area 1.6 typical cells): the parts' boxes are the discs' boxes.
        Painter p = new Painter().disc(60, 45, R, 1).disc(80, 45, R, 1).loneCells(2);
        int count = p.apply(4);
        assertEquals(5, count);
        List<int[]> boxes = p.boxes(count);
        int[] left = boxAt(boxes, 50, 45);
        int[] right = boxAt(boxes, 90, 45);
        assertEquals(true, left != right, "split");
        assertEquals(true, iou(left, 40, 25, 80, 65) >= 0.7, "left part's box is the left disc's: " + java.util.Arrays.toString(left));
        assertEquals(true, iou(right, 60, 25, 100, 65) >= 0.7, "right part's box is the right disc's: " + java.util.Arrays.toString(right));
    }

    @Test
    void threeOverlappingDiscsInARowAreSplitInThree() {
        Painter p = new Painter().disc(60, 45, R, 1).disc(88, 45, R, 1).disc(116, 45, R, 1).loneCells(2);
        int count = p.apply(4);
        assertEquals(6, count);
        List<int[]> boxes = p.boxes(count);
        for (int cx : new int[] {60, 88, 116}) {
            int[] b = boxAt(boxes, cx, 45);
            assertEquals(true, iou(b, cx - R, 25, cx + R, 65) >= 0.6, "disc at " + cx + ": " + java.util.Arrays.toString(b));
        }
    }

    @Test
    void aLoneDiscAndTwoSeparateDiscsAreLeftAlone() {
        Painter p = new Painter().disc(60, 45, R, 1).disc(120, 45, R, 2).loneCells(3);
        int before = 5;
        int[] labels = p.labels.clone();
        assertEquals(before, p.apply(before));
        org.junit.jupiter.api.Assertions.assertArrayEquals(labels, p.labels);
    }

    @Test
    void aCutCShapedCellIsMergedIntoOneObjectWithTheWholeDiscsBox() {
        // A disc with a pale centre (radius 8) open to the top through a channel 6 px wide, cut by the watershed
        // down the middle into "(" and ")": one cell again, its box the disc's.
        Painter p = new Painter().disc(240, 45, R, 1).loneCells(3);
        for (int y = 0; y < H; y++) {
            for (int x = 240; x < W; x++) {
                if (p.labels[y * W + x] == 1) {
                    p.labels[y * W + x] = 2;
                }
            }
        }
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean hole = (x - 240) * (x - 240) + (y - 45) * (y - 45) <= 64;
                boolean channel = Math.abs(x - 239.5) <= 3 && y <= 45;
                if ((hole || channel) && p.labels[y * W + x] <= 2) {
                    p.labels[y * W + x] = 0;
                }
            }
        }
        int count = p.apply(5);
        assertEquals(4, count);
        int[] b = boxAt(p.boxes(count), 240, 60);
        assertEquals(220, b[0]);
        assertEquals(260, b[2]);
        assertEquals(25, b[1], 1, "the channel takes the disc's top pixel");
        assertEquals(65, b[3]);
    }

    @Test
    void twoWholeCellsTouchingAreNotMerged() {
        // Two lone-sized discs touching (already split by the watershed): their union's hull is twice a cell's.
        Painter p = new Painter().disc(60, 45, R, 1).disc(100, 45, R, 2).loneCells(3);
        assertEquals(5, p.apply(5));
    }

    @Test
    void convexHullAreaOfPixelSquares() {
        // A 3 x 2 rectangle of pixels: the hull of their squares is 6.
        assertEquals(6, ShapeRefinement.Hull.area(new int[] {4, 4}, new int[] {6, 6}, 10), 1e-9);
        // An L of three pixels (two in the first row, one below the first): the hull cuts the missing corner in half.
        assertEquals(3.5, ShapeRefinement.Hull.area(new int[] {0, 0}, new int[] {1, 0}, 0), 1e-9);
    }
}
