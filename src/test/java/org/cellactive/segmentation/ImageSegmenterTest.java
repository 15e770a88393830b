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
        // The box of a disc centred at (100, 80), VOC corners (1-based): 61..140 x 41..120, within the 2-px bins,
        // widened by the red objects' box pad (6 px) on every side as annotators draw boxes.
        int pad = ImageSegmenter.RED_BOX_PAD;
        assertEquals(6, pad);
        assertEquals(61 - pad, o.xmin(), 2);
        assertEquals(140 + pad, o.xmax(), 2);
        assertEquals(41 - pad, o.ymin(), 2);
        assertEquals(120 + pad, o.ymax(), 2);
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
        // The split runs through the neck, at x = 130 (between the centres); boxes padded.
        SegmentedObject left = shape.get(0).xmin() < shape.get(1).xmin() ? shape.get(0) : shape.get(1);
        SegmentedObject right = left == shape.get(0) ? shape.get(1) : shape.get(0);
        assertEquals(130 + ImageSegmenter.RED_BOX_PAD, left.xmax(), 3);
        assertEquals(131 - ImageSegmenter.RED_BOX_PAD, right.xmin(), 3);
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
        // The box spans the cytoplasm (120 +- 60), grown by the stain growth of 2 binned pixels at most, plus the box pad.
        assertEquals(61 - 3, o.xmin(), 5);
        assertEquals(180 + 3, o.xmax(), 5);
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
    void overlappingDiscsAreSplitWithTheDefaultSeeds() {
        // Radius 40, centres 56 px apart: a deep overlap (the neck is 57 px wide), as BCCD's red cells overlap.
        SyntheticSmears smear = new SyntheticSmears(260, 160)
                .disc(102, 80, 40, SyntheticSmears.RED_CELL).disc(158, 80, 40, SyntheticSmears.RED_CELL);
        ImageSegmenter defaults = new ImageSegmenter(SegmentationSettings.defaults());
        List<SegmentedObject> found = defaults.segment(smear.image());
        assertEquals(2, found.size(), found.toString());
        SegmentedObject left = found.get(0).xmin() < found.get(1).xmin() ? found.get(0) : found.get(1);
        assertEquals(62 - ImageSegmenter.RED_BOX_PAD, left.xmin(), 3);
        assertEquals(130 + ImageSegmenter.RED_BOX_PAD, left.xmax(), 3, "split at the middle of the neck");
        // One cell whose distance map is a long ridge (an ellipse 130 x 64) stays one object.
        SyntheticSmears ellipse = new SyntheticSmears(260, 160).ellipse(130, 80, 65, 32, SyntheticSmears.RED_CELL);
        assertEquals(1, defaults.segment(ellipse.image()).size());
    }

    @Test
    void lilacRedCellsAreNotTakenForStainedObjects() {
        // A slide whose red cells are lilac (blue 28 levels above green), one with a purple dot on it: the dot seeds
        // a stained object, but the red cell around it is below the image's tint + 6 and is not taken into it (with
        // fixed levels alone the whole lilac cell became one stained object).
        // Three more whole lilac cells below: the shape model (ShapeRefinement) measures the typical red cell on the
        // image's whole cells, and on an image whose only other cell is cut by the dot it would take the pieces
        // for the typical cell and split the whole one (docs/segmentation.md).
        SyntheticSmears smear = new SyntheticSmears(300, 260)
                .disc(80, 80, 40, SyntheticSmears.LILAC_RED_CELL).disc(200, 80, 40, SyntheticSmears.LILAC_RED_CELL)
                .disc(50, 210, 40, SyntheticSmears.LILAC_RED_CELL).disc(150, 210, 40, SyntheticSmears.LILAC_RED_CELL)
                .disc(250, 210, 40, SyntheticSmears.LILAC_RED_CELL)
                .disc(80, 80, 6, SyntheticSmears.NUCLEUS);
        List<SegmentedObject> found = segmenter(Declump.CELLS, false).segment(smear.image());
        List<SegmentedObject> stained = found.stream().filter(SegmentedObject::stained).toList();
        assertEquals(1, stained.size(), found.toString());
        assertTrue(stained.get(0).xmax() - stained.get(0).xmin() < 40, "only the dot is stained: " + stained);
        SegmentedObject right = found.stream().filter(o -> o.xmin() > 150 && o.ymax() < 140).findFirst().orElseThrow();
        assertFalse(right.stained());
        assertEquals(80 + 2 * ImageSegmenter.RED_BOX_PAD, right.xmax() - right.xmin() + 1, 4,
                "the whole disc, padded: " + right);
    }

    @Test
    void theTintIsTheMedianOfTheForegroundBelowTheStainSeedLevel() {
        float[] stain = {0.02f, 0.10f, 0.11f, 0.12f, 0.50f, 0.60f, 0.70f, 0.05f};
        byte[] fg = {1, 1, 1, 1, 1, 1, 1, 0};
        // Nuclei (0.5 .. 0.7) are left out: the median of 0.02, 0.10, 0.11, 0.12 is 0.10 (to 1/1024).
        assertEquals(0.10, ImageSegmenter.tint(stain, fg), 1.0 / 1024);
        assertEquals(0, ImageSegmenter.tint(stain, new byte[8]));
    }

    @Test
    void aBlankImageHasNoObjects() {
        assertEquals(List.of(), segmenter(Declump.INTENSITY, true).segment(new SyntheticSmears(64, 48).image()));
    }
}
