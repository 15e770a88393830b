package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocks, key sets and the block-level scores, without Spark. */
class PoolBlockTest {

    private static final List<String> KEYS = List.of("BloodImage_00001_03", "é", "\uD83D\uDE00x", "", "a\uFF41");

    private static PoolBlock block() {
        PoolBlock.Builder b = new PoolBlock.Builder(3, 8);
        for (int i = 0; i < KEYS.size(); i++) {
            b.add(KEYS.get(i), new double[] {i, -i, 0.5 * i});
        }
        return b.build();
    }

    @Test
    void keepsKeysAndRowsInOrder() {
        PoolBlock block = block();
        assertEquals(KEYS.size(), block.size());
        for (int i = 0; i < KEYS.size(); i++) {
            assertEquals(KEYS.get(i), block.key(i));
            assertArrayEquals(new double[] {i, -i, 0.5 * i}, block.features(i));
            assertEquals(KEYS.get(i), block.cell(i).key());
        }
        // rows copied into a second block stay themselves
        PoolBlock.Builder copy = new PoolBlock.Builder(3, 2);
        copy.add(block, 2);
        copy.add(block, 0);
        assertTrue(copy.isFull());
        PoolBlock two = copy.build();
        assertEquals(List.of(block.cell(2), block.cell(0)), List.of(two.cell(0), two.cell(1)));
    }

    @Test
    void keySetMatchesWholeKeysByTheirBytes() {
        KeySet set = KeySet.of(List.of("é", "BloodImage_00001_03", "zz"));
        PoolBlock block = block();
        assertTrue(block.keyIn(set, 0));
        assertTrue(block.keyIn(set, 1));
        assertFalse(block.keyIn(set, 2));
        assertFalse(block.keyIn(set, 3));
        assertFalse(set.contains("BloodImage_00001_0"));
        byte[] padded = "xxzzxx".getBytes(StandardCharsets.UTF_8);
        assertTrue(set.contains(padded, 2, 2));
        assertFalse(KeySet.of(List.of()).contains("é"));
        assertEquals(3, KeySet.of(List.of("a", "b", "a", "c")).size());
    }

    @Test
    void blockScoresEqualTheScoresOfTheKeyAndVector() {
        PoolBlock block = block();
        ScoringModel binary = new ScoringModel(new double[][] {{0.3, 1.7, -2.0}}, new double[] {0.1}, 2);
        ScoringModel three = new ScoringModel(new double[][] {{1, 0, 2}, {0, 1, -1}, {-1, -1, 0.5}},
                new double[] {0, 0.3, -0.2}, 3);
        for (QueryStrategy s : List.of(new RandomStrategy(3), new UncertaintyStrategy(UncertaintyMeasure.MARGIN),
                new DiverseStrategy(2))) {
            for (ScoringModel m : List.of(binary, three)) {
                double[] p = new double[m.probabilityCount()];
                for (int row = 0; row < block.size(); row++) {
                    m.probabilities(block.matrix(), block.offset(row), p);
                    assertArrayEquals(m.probabilities(block.features(row)), p, 0.0);
                    assertEquals(s.score(m.probabilities(block.features(row)), block.key(row)), s.score(p, block, row), 0.0,
                            s.name() + " row " + row);
                }
            }
        }
    }
}
