package org.cellactive.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.cellactive.features.color.ColorFamily;
import org.cellactive.features.granularity.GranularityFamily;
import org.cellactive.features.intensity.IntensityFamily;
import org.cellactive.features.texture.TextureFamily;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ObjectMask;
import org.junit.jupiter.api.Test;
import org.cellactive.features.family.MeasurementFamily;

/** Families travel to Spark executors by Java serialization and must come back identical. */
class MeasureFamiliesSerializationTest {
    private static final List<MeasurementFamily> FAMILIES = List.of(
            new IntensityFamily(), new TextureFamily(8, 2, List.of(Channel.GRAY, Channel.RED)),
            new GranularityFamily(), new ColorFamily());

    @Test
    void roundTripKeepsColumnsAndValues() throws Exception {
        int w = 20;
        int h = 18;
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        boolean[] inside = new boolean[w * h];
        for (int i = 0; i < w * h; i++) {
            r[i] = (i * 7 % 256) / 255f;
            g[i] = (i * 13 % 256) / 255f;
            b[i] = (i * 29 % 256) / 255f;
            inside[i] = (i % w) > 2 && (i / w) > 1;
        }
        CellImage image = CellImage.ofRgb(w, h, r, g, b);
        ObjectMask mask = new ObjectMask(w, h, inside);
        for (MeasurementFamily family : FAMILIES) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(family);
            }
            MeasurementFamily copy;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (MeasurementFamily) in.readObject();
            }
            assertEquals(family.name(), copy.name());
            assertEquals(family.columns(), copy.columns());
            double[] expected = new double[family.columns().size()];
            double[] actual = new double[family.columns().size()];
            family.measure(image, mask, expected, 0);
            copy.measure(image, mask, actual, 0);
            assertArrayEquals(expected, actual, 0.0, family.name());
            assertEquals(true, Arrays.stream(actual).allMatch(Double::isFinite), family.name());
        }
    }

    @Test
    void aMaskOfAnotherSizeIsRefused() {
        CellImage image = CellImage.ofGray(4, 4, new float[16]);
        ObjectMask mask = new ObjectMask(3, 4, new boolean[12]);
        for (MeasurementFamily family : FAMILIES) {
            assertThrows(IllegalArgumentException.class, () -> family.measure(image, mask, new double[200], 0), family.name());
        }
    }
}
