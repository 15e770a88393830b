package org.cellactive.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
    private static CellBox box(int xmin, int ymin, int xmax, int ymax) {
        return new CellBox("img", 0, "RBC", "img.jpg", xmin, ymin, xmax, ymax);
    }

    @Test
    void inclusiveCornersCountTheLastPixel() {
        // 10x10 boxes (1..10), the second shifted by 1: 9x10 shared, 110 in the union.
        assertEquals(90.0 / 110, NearDuplicates.iou(box(1, 1, 10, 10), box(2, 1, 11, 10)), 1e-12);
        assertEquals(1.0, NearDuplicates.iou(box(5, 5, 5, 5), box(5, 5, 5, 5)));
    }

    @Test
    void aBccdPairTwoPixelsApartIsOverTheThreshold() {
        // BloodImage_00020, objects 13 and 14.
        double iou = NearDuplicates.iou(box(144, 366, 251, 473), box(142, 364, 249, 471));
        assertEquals(0.929, iou, 5e-4);
    }

    @Test
    void disjointAndEmptyBoxesDoNotOverlap() {
        assertEquals(0.0, NearDuplicates.iou(box(1, 1, 10, 10), box(20, 20, 30, 30)));
        assertEquals(0.0, NearDuplicates.iou(box(10, 10, 9, 9), box(10, 10, 9, 9)));
    }
}
