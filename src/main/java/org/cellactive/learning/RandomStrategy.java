package org.cellactive.learning;

import java.nio.charset.StandardCharsets;

/**
 * The article's "dummy" learner: the next cells in a seeded random order of the pool. The
 * order is a hash of (seed, cell key), so it needs no model, no state between rounds, and
 * gives the same order whichever cells are still unlabelled.
 */
public record RandomStrategy(long seed) implements QueryStrategy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean usesModel() {
        return false;
    }

    @Override
    public double score(double[] probabilities, String cellKey) {
        byte[] b = cellKey.getBytes(StandardCharsets.UTF_8);
        return score(b, 0, b.length);
    }

    /** The same hash over the key's UTF-8 bytes where the block keeps them: no String per cell. */
    @Override
    public double score(double[] probabilities, PoolBlock block, int row) {
        return score(block.keyBytes(), block.keyOffset(row), block.keyLength(row));
    }

    private double score(byte[] key, int from, int length) {
        long h = mix(seed);
        for (int i = from; i < from + length; i++) {
            h = mix(h ^ (key[i] & 0xff));
        }
        return (h >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: a bijective, well-spread mix of 64 bits. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
