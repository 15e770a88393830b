package org.cellactive.features.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;

/**
 * The 10 x 18 {@code SAMPLE} region of scikit-image's own regionprops tests, with the
 * reference values those tests assert (scikit-image 0.20+, several of them checked
 * there against MATLAB or OpenCV). These are numbers computed by the library
 * CellProfiler calls, not by this project, so they pin the definitions to it.
 */
class ScikitImageSampleTest {
    private static final AreaShapeFamily FAMILY = new AreaShapeFamily();
    /** scikit-image's tests compare to 7 decimals (assert_almost_equal); so do we. */
    private static final double SEVEN_DECIMALS = 1.5e-7;

    static final String[] SAMPLE = {
        ".........#.##.....",
        "........####......",
        "........###.......",
        "........###.......",
        "......######......",
        "......###########.",
        "......###########.",
        "#.#..##.##..#####.",
        ".#######.##...####",
        ".##..###........##",
    };

    private static double value(ObjectMask mask, String shortName) {
        double[] out = new double[FAMILY.columns().size()];
        FAMILY.measure(ShapeMasks.blankFor(mask), mask, out, 0);
        return out[FAMILY.columns().indexOf("AreaShape_" + shortName)];
    }

    @Test
    void matchesScikitImageReferenceValues() {
        ObjectMask sample = ShapeMasks.parse(SAMPLE);
        assertEquals(72.0, value(sample, "Area"));
        assertEquals(55.2487373415, value(sample, "Perimeter"), 1e-9);
        assertEquals(125.0, value(sample, "ConvexArea"));
        assertEquals(0.576, value(sample, "Solidity"), SEVEN_DECIMALS);
        assertEquals(0.4, value(sample, "Extent"), SEVEN_DECIMALS);
        assertEquals(0.814629313427, value(sample, "Eccentricity"), SEVEN_DECIMALS);
        assertEquals(9.57461472963, value(sample, "EquivalentDiameter"), SEVEN_DECIMALS);
        // scikit-image checks these two to 4 and 5 decimals only.
        assertEquals(16.7924234999, value(sample, "MajorAxisLength"), 1e-4);
        assertEquals(9.739302807263, value(sample, "MinorAxisLength"), 1e-5);
        assertEquals(Math.toDegrees(-1.4663278802756865), value(sample, "Orientation"), 1e-6);
        assertEquals(9.444444444444444, value(sample, "Center_X"), SEVEN_DECIMALS);
        assertEquals(5.66666666666666, value(sample, "Center_Y"), SEVEN_DECIMALS);
        assertEquals(0.0, value(sample, "EulerNumber"));
    }

    @Test
    void openingAHoleLowersTheEulerNumber() {
        String[] modified = SAMPLE.clone();
        modified[7] = "#.#..##.##..###.#.";
        assertEquals(-1.0, value(ShapeMasks.parse(modified), "EulerNumber"));
    }

    /** scikit-image 0.20+: eye(10) gives +pi/4, its up-down mirror -pi/4. */
    @Test
    void diagonalOrientationsFollowScikitImage020() {
        String[] eye = new String[10];
        String[] flipped = new String[10];
        for (int i = 0; i < 10; i++) {
            StringBuilder row = new StringBuilder("..........");
            row.setCharAt(i, '#');
            eye[i] = row.toString();
            flipped[9 - i] = row.toString();
        }
        assertEquals(45.0, value(ShapeMasks.parse(eye), "Orientation"), 1e-12);
        assertEquals(-45.0, value(ShapeMasks.parse(flipped), "Orientation"), 1e-12);
    }
}
