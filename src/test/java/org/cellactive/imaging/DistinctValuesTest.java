package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistinctValuesTest {
    @Test
    void countsEachValueOnceInAscendingOrder() {
        DistinctValues d = DistinctValues.of(new float[] {0.5f, -2f, 0.5f, Float.NaN, 0f, -0f, 3f, 0.5f});
        assertEquals(4, d.size());
        assertEquals(-2f, d.value(0));
        assertEquals(0f, d.value(1));
        assertEquals(2, d.count(1));  // 0.0 and -0.0
        assertEquals(0.5f, d.value(2));
        assertEquals(3, d.count(2));
        assertEquals(3f, d.value(3));
    }

    @Test
    void agreesWithASortWhenTheTableMustGrow() {
        Random random = new Random(5);
        float[] data = new float[20000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian() * (i % 2 == 0 ? 1 : 1000);
        }
        data[7] = data[8];
        float[] sorted = data.clone();
        Arrays.sort(sorted);
        DistinctValues d = DistinctValues.of(data);
        int k = 0;
        long total = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                continue;
            }
            assertEquals(sorted[i], d.value(k), "value " + k);
            total += d.count(k);
            k++;
        }
        assertEquals(k, d.size());
        assertEquals(data.length, total);
    }
}
