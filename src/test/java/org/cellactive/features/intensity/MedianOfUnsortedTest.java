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
}
