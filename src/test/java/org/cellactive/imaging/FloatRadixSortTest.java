package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatRadixSortTest {
    @Test
    void sortsLikeArraysSortIncludingNegativesAndInfinities() {
        Random random = new Random(3);
        float[] values = new float[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
        }
        values[0] = Float.NEGATIVE_INFINITY;
        values[1] = Float.POSITIVE_INFINITY;
        values[2] = 0f;
        values[3] = -1f;
        float[] expected = values.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, FloatRadixSort.sorted(values));
    }

    @Test
    void sortsGrayLevelsThatShareTheirHighBytes() {
        float[] values = {0.5f, 0.25f, 0.75f, 0.5f, 0.2509804f, 1f, 0f};
        float[] expected = values.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, FloatRadixSort.sorted(values));
    }
}
