package org.cellactive.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cellactive.learning.ClassLabels;
import org.junit.jupiter.api.Test;

class RepeatDrawTest {

    /** 100 RBC and 8 WBC, as rare as WBC are on BCCD. */
    private static Map<String, Integer> truth(int rbc, int wbc) {
        Map<String, Integer> t = new LinkedHashMap<>();
        for (int i = 0; i < rbc; i++) {
            t.put(String.format("BloodImage_%05d_00", i), 0);
        }
        for (int i = 0; i < wbc; i++) {
            t.put(String.format("BloodImage_%05d_01", i), 1);
        }
        return t;
    }

    @Test
    void seedSetsHoldEveryClassAndSetsAreDisjoint() {
        Map<String, Integer> t = truth(100, 8);
        for (int r = 0; r < 50; r++) {
            RepeatDraw d = RepeatDraw.draw(t, ClassLabels.BINARY, 30, 50, 5, r, 42);
            assertEquals(30, d.test().size());
            assertEquals(50, d.pool().size());
            assertEquals(5, d.seeds().size());
            // Stratified: 30 * 100/108 = 27.8 -> 28 RBC, 2.2 -> 2 WBC.
            assertEquals(2, d.test().stream().filter(k -> t.get(k) == 1).count());
            Set<String> test = new HashSet<>(d.test());
            assertTrue(d.pool().stream().noneMatch(test::contains));
            assertTrue(d.pool().containsAll(d.seeds()));
            assertEquals(5, new HashSet<>(d.seeds()).size());
            // The cold-start rule: one cell of each class first.
            assertEquals(0, t.get(d.seeds().get(0)));
            assertEquals(1, t.get(d.seeds().get(1)));
        }
    }

    @Test
    void sameSeedSameDrawOtherRepeatOtherDraw() {
        Map<String, Integer> t = truth(100, 8);
        assertEquals(RepeatDraw.draw(t, ClassLabels.BINARY, 30, 50, 5, 3, 42),
                RepeatDraw.draw(new LinkedHashMap<>(t), ClassLabels.BINARY, 30, 50, 5, 3, 42));
        assertNotEquals(RepeatDraw.draw(t, ClassLabels.BINARY, 30, 50, 5, 3, 42).pool(),
                RepeatDraw.draw(t, ClassLabels.BINARY, 30, 50, 5, 4, 42).pool());
        assertNotEquals(RepeatDraw.draw(t, ClassLabels.BINARY, 30, 50, 5, 3, 42).pool(),
                RepeatDraw.draw(t, ClassLabels.BINARY, 30, 50, 5, 3, 43).pool());
    }

    @Test
    void impossibleDrawsSayWhy() {
        Map<String, Integer> oneWbc = truth(100, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RepeatDraw.draw(oneWbc, ClassLabels.BINARY, 30, 50, 5, 0, 1));
        assertTrue(e.getMessage().contains("holds no WBC"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RepeatDraw.draw(truth(10, 5), ClassLabels.BINARY, 10, 10, 5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> RepeatDraw.draw(truth(100, 8), ClassLabels.BINARY, 10, 10, 1, 0, 1));
    }
}
