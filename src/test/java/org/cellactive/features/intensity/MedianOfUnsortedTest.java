package org.cellactive.features.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianOfUnsortedTest {

    @Test
    void knownAnswers() {
        // CellProfiler's rule: the median of {1, 2, 3, 4} is v[2] = 3; of {5} it is 5.
        assertEquals(3.0, CellProfilerQuantile.medianOfUnsorted(new float[] {4, 1, 3, 2}, 4));
        assertEquals(5.0, CellProfilerQuantile.medianOfUnsorted(new float[] {5}, 1));
        assertEquals(2.0, CellProfilerQuantile.medianOfUnsorted(new float[] {2, 1}, 2));
        // Only the first n values count: {1, 2, 3}, q = 1.5, so half of v[1] plus half of v[2].
        assertEquals(2.5, CellProfilerQuantile.medianOfUnsorted(new float[] {3, 1, 2, 9, 9}, 3));
    }

    @Test
    void matchesTheSortedRuleOnRandomValuesWithTies() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial % 2 == 0 ? 20 : 20000);
            int levels = 1 + random.nextInt(trial % 3 == 0 ? 3 : 100000);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) values[i] = random.nextInt(levels) / (float) levels;
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            assertEquals(CellProfilerQuantile.of(sorted, n, 0.5), CellProfilerQuantile.medianOfUnsorted(values, n));
        }
    }

    @Test
    void matchesTheSortedRuleWhenManyValuesAreNarrowedByTheirTopBits() {
        // Above a few hundred values the middle ranks are found by counting top bits first:
        // values crowded in one group, spread over many, negative ones (the plain path), zeros.
        Random random = new Random(17);
        for (int trial = 0; trial < 400; trial++) {
            int n = 256 + random.nextInt(trial % 4 == 0 ? 3 : 20000);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                switch (trial % 5) {
                    case 0: values[i] = 0.5f + random.nextInt(3) * Math.ulp(0.5f); break;
                    case 1: values[i] = (float) Math.pow(2, -random.nextInt(40)) * random.nextFloat(); break;
                    case 2: values[i] = random.nextInt(4) == 0 ? 0f : random.nextFloat(); break;
                    case 3: values[i] = random.nextFloat() - 0.3f; break;
                    default: values[i] = random.nextInt(2) == 0 ? -0f : random.nextFloat(); break;
                }
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            assertEquals(CellProfilerQuantile.of(sorted, n, 0.5), CellProfilerQuantile.medianOfUnsorted(values, n),
                    "trial " + trial + ", n " + n);
        }
    }
}
