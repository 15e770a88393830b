package org.cellactive.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cellactive.imaging.ThresholdMethod;
import org.junit.jupiter.api.Test;

class ImageSegmenterTest {

    static ImageSegmenter segmenter(Declump declump, boolean keepBorder) {
        return new ImageSegmenter(new SegmentationSettings(20, 300, ThresholdMethod.OTSU, declump, 32, keepBorder));
    }

    @Test
    void oneDiscIsOneObjectWithItsArea() {
        List<SegmentedObject> found = segmenter(Declump.SHAPE, false)
                .segment(new SyntheticSmears(200, 160).disc(100, 80, 40, SyntheticSmears.RED_CELL).image());
        assertEquals(1, found.size());
        SegmentedObject o = found.get(0);
        double area = Math.PI * 40 * 40;
        assertEquals(area, o.area(), 0.06 * area, "area of a disc of radius 40");
        // The box of a disc centred at (100, 80), VOC corners (1-based): 61..140 x 41..120, within the 2-px bins.
        assertEquals(61, o.xmin(), 2);
        assertEquals(140, o.xmax(), 2);
        assertEquals(41, o.ymin(), 2);
        assertEquals(120, o.ymax(), 2);
        assertFalse(o.touchesBorder());
        assertFalse(o.stained());
    }

    @Test
    void twoTouchingDiscsAreSplitByTheWatershed() {
        // Centres 76 px apart, radius 40: they overlap in a narrow neck.
        SyntheticSmears smear = new SyntheticSmears(260, 160)
                .disc(92, 80, 40, SyntheticSmears.RED_CELL).disc(168, 80, 40, SyntheticSmears.RED_CELL);
        List<SegmentedObject> shape = segmenter(Declump.SHAPE, false).segment(smear.image());
        assertEquals(2, shape.size(), "declumped by shape");
        // The split runs through the neck, at x = 130 (between the centres).
        SegmentedObject left = shape.get(0).xmin() < shape.get(1).xmin() ? shape.get(0) : shape.get(1);
        SegmentedObject right = left == shape.get(0) ? shape.get(1) : shape.get(0);
        assertEquals(130, left.xmax(), 3);
        assertEquals(131, right.xmin(), 3);
        assertEquals(left.area(), right.area(), 0.05 * left.area());
        assertEquals(1, segmenter(Declump.NONE, false).segment(smear.image()).size(), "no declumping: one clump");
    }

    @Test
    void aWhiteCellIsFoundWholeNucleusAndCytoplasm() {
        // A nucleus of radius 30 inside cytoplasm of radius 60: the object is the whole cell.
        SyntheticSmears smear = new SyntheticSmears(240, 200)
                .disc(120, 100, 60, SyntheticSmears.CYTOPLASM).disc(120, 100, 30, SyntheticSmears.NUCLEUS);
        List<SegmentedObject> found = segmenter(Declump.SHAPE, false).segment(smear.image());
        assertEquals(1, found.size(), found.toString());
        SegmentedObject o = found.get(0);
        assertTrue(o.stained());
        // The box spans the cytoplasm (120 +- 60), grown by the stain growth of 2 binned pixels at most.
        assertEquals(61, o.xmin(), 5);
        assertEquals(180, o.xmax(), 5);
    }

    @Test
    void objectsOutsideTheSizeRangeAndOnTheBorderAreDropped() {
        SyntheticSmears smear = new SyntheticSmears(300, 200)
                .disc(150, 100, 40, SyntheticSmears.RED_CELL)   // kept
                .disc(40, 40, 6, SyntheticSmears.RED_CELL)      // diameter 12 < 20: dropped
                .disc(290, 100, 30, SyntheticSmears.RED_CELL);  // touches the right border
        assertEquals(1, segmenter(Declump.SHAPE, false).segment(smear.image()).size());
        List<SegmentedObject> kept = segmenter(Declump.SHAPE, true).segment(smear.image());
        assertEquals(2, kept.size());
        assertEquals(1, kept.stream().filter(SegmentedObject::touchesBorder).count());
        SegmentedObject border = kept.stream().filter(SegmentedObject::touchesBorder).findFirst().orElseThrow();
        assertEquals(300, border.xmax(), "a box cut by the border ends at the image's last column");
    }

    @Test
    void aBlankImageHasNoObjects() {
        assertEquals(List.of(), segmenter(Declump.INTENSITY, true).segment(new SyntheticSmears(64, 48).image()));
    }
}
