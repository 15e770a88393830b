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

    /** Features whose sums round differently in another order, so a reordered dot product would show. */
    private static PoolBlock awkwardBlock() {
        java.util.Random r = new java.util.Random(4);
        PoolBlock.Builder b = new PoolBlock.Builder(7, 16);
        for (int i = 0; i < 11; i++) {
            double[] x = new double[7];
            for (int j = 0; j < 7; j++) {
                x[j] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6);
            }
            b.add("k" + i, x);
        }
        return b.build();
    }

    @Test
    void interleavedLogitsAreBitIdenticalToOneCellAtATime() {
        PoolBlock block = awkwardBlock();
        java.util.Random r = new java.util.Random(5);
        for (int rows : new int[] {1, 3}) {
            double[][] w = new double[rows][7];
            double[] b = new double[rows];
            for (int k = 0; k < rows; k++) {
                b[k] = r.nextGaussian() * 1e-3;
                for (int j = 0; j < 7; j++) {
                    w[k][j] = r.nextGaussian() * Math.pow(10, r.nextInt(6) - 3);
                }
            }
            ScoringModel m = new ScoringModel(w, b, rows == 1 ? 2 : rows);
            double[] z = new double[block.size() * rows];
            m.logits(block.matrix(), block.dims(), 0, block.size(), z);
            double[] p = new double[m.probabilityCount()];
            for (int row = 0; row < block.size(); row++) {
                m.probabilitiesOfLogits(z, row * rows, p);
                assertArrayEquals(m.probabilities(block.features(row)), p, 0.0, "row " + row);
            }
        }
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
                // five cells: one group of four interleaved dot products, and one cell alone
                double[] z = new double[block.size() * m.logitCount()];
                m.logits(block.matrix(), block.dims(), 0, block.size(), z);
                for (int row = 0; row < block.size(); row++) {
                    m.probabilitiesOfLogits(z, row * m.logitCount(), p);
                    assertArrayEquals(m.probabilities(block.features(row)), p, 0.0);
                    assertEquals(s.score(m.probabilities(block.features(row)), block.key(row)), s.score(p, block, row), 0.0,
                            s.name() + " row " + row);
                }
            }
        }
    }
}
