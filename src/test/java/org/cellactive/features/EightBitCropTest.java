package org.cellactive.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.RandomCrops;
import org.cellactive.reject.RejectedException;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.ThresholdMethod;
import org.junit.jupiter.api.Test;

/**
 * A crop cut from an 8-bit image is measured from its bytes and gray codes, its float planes
 * made only if a family asks for them. Every value must be the one the float planes give: the
 * same crop rebuilt from its floats (no bytes behind it) is measured by the float paths.
 */
class EightBitCropTest {

    @Test
    void planesMadeFromBytesHoldTheByteValues() {
        Random random = new Random(11);
        for (int t = 0; t < 50; t++) {
            CellImage crop = RandomCrops.of(random, 30);
            assertNotNull(crop.levels());
            byte[] red = crop.levels().red();
            byte[] green = crop.levels().green();
            byte[] blue = crop.levels().blue();
            for (int i = 0; i < crop.pixelCount(); i++) {
                float r = (red[i] & 0xff) / 255f;
                float g = (green[i] & 0xff) / 255f;
                float b = (blue[i] & 0xff) / 255f;
                assertEquals(r, crop.red()[i]);
                assertEquals(g, crop.green()[i]);
                assertEquals(b, crop.blue()[i]);
                assertEquals((r + g + b) / 3f, crop.gray()[i]);
            }
            // Made once: later calls hand out the same plane.
            assertSame(crop.gray(), crop.plane(Channel.GRAY));
            assertSame(crop.red(), crop.plane(Channel.RED));
        }
    }

    @Test
    void everyFamilyGivesTheSameValuesFromBytesAsFromFloats() throws RejectedException {
        List<FeatureOptions> settings = List.of(
                new FeatureOptions(FeatureOptions.ALL_FAMILIES, 256, 3, List.of(Channel.GRAY), ThresholdMethod.OTSU),
                new FeatureOptions(FeatureOptions.ALL_FAMILIES, 16, 1,
                        List.of(Channel.RED, Channel.GRAY, Channel.BLUE), ThresholdMethod.LI));
        Random random = new Random(12);
        int measured = 0;
        for (int t = 0; t < 300; t++) {
            RgbImage image = RandomCrops.image(random, 40);
            CellImage crop = image.toCellImage();
            CellMeasurer measurer = new CellMeasurer(settings.get(t % settings.size()));
            // The float copy first: asking the 8-bit crop for its planes must not change what it measures.
            CellImage floats = new CellImage(crop.width(), crop.height(), crop.red(), crop.green(), crop.blue(),
                    crop.gray());
            CellImage bytes = image.toCellImage();
            String floatReject = null;
            double[] expected = null;
            try {
                expected = measurer.measure(floats);
            } catch (RejectedException e) {
                floatReject = e.reason();
            }
            try {
                double[] actual = measurer.measure(bytes);
                assertEquals(null, floatReject, "crop " + t);
                assertArrayEquals(expected, actual, 0.0, "crop " + t);
                measured++;
            } catch (RejectedException e) {
                assertEquals(floatReject, e.reason(), "crop " + t);
            }
        }
        assertEquals(true, measured > 200, "most random crops hold an object: " + measured);
    }
}
