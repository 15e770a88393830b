package org.cellactive.annotations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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

    private static NearDuplicates.Box at(int cellId, String type, int xmin, int ymin, int xmax, int ymax) {
        return new NearDuplicates.Box(cellId, type, "img_" + cellId, xmin, ymin, xmax, ymax);
    }

    @Test
    void withinAnImageTheLaterBoxNamesTheFirstEarlierOneOfItsClass() {
        String[] dups = NearDuplicates.within(List.of(
                at(0, "RBC", 144, 366, 251, 473),
                at(1, "RBC", 142, 364, 249, 471),  // duplicates 0
                at(2, "WBC", 143, 365, 250, 472),  // same place, other class: no pair
                at(3, "RBC", 143, 365, 250, 472),  // duplicates 0 and 1: names the first, 0
                at(4, "RBC", 10, 10, 60, 60)));
        assertArrayEquals(new String[] {null, "img_0", null, "img_0", null}, dups);
    }

    @Test
    void withinComparesCellIdsNotListOrderAndNullClassesMatch() {
        String[] dups = NearDuplicates.within(List.of(
                at(5, null, 142, 364, 249, 471),
                at(2, null, 144, 366, 251, 473),
                at(7, "RBC", 144, 366, 251, 473)));
        assertArrayEquals(new String[] {"img_2", null, null}, dups);
    }
}
