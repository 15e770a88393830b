package org.cellactive.imaging;

import java.util.Arrays;

/**
 * The distinct values of a float array, ascending, with how often each occurs.
 *
 * <p>Crops made from 8-bit pixels hold a few hundred distinct gray levels among thousands of
 * pixels, so hashing them and sorting only the distinct ones is several times cheaper than
 * sorting every pixel, which is what {@link Threshold#li} needs (its tolerance is half the
 * smallest gap between distinct values). NaN is left out, as scikit-image does; -0.0 counts as 0.0.
 */
final class DistinctValues {
    private static final int FIRST_CAPACITY = 1024;

    private final float[] values;
    private final long[] counts;

    private DistinctValues(float[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
    }

    static DistinctValues of(float[] data) {
        int capacity = FIRST_CAPACITY;
        int[] keys = new int[capacity];
        long[] tally = new long[capacity];  // 0 marks an empty slot
        int size = 0;
        for (float v : data) {
            if (v != v) {
                continue;
            }
            int bits = Float.floatToRawIntBits(v == 0f ? 0f : v);
            int slot = slotOf(keys, tally, bits);
            if (tally[slot] == 0) {
                keys[slot] = bits;
                size++;
            }
            tally[slot]++;
            if (size * 2 > capacity) {
                capacity *= 2;
                int[] oldKeys = keys;
                long[] oldTally = tally;
                keys = new int[capacity];
                tally = new long[capacity];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldTally[i] != 0) {
                        int s = slotOf(keys, tally, oldKeys[i]);
                        keys[s] = oldKeys[i];
                        tally[s] = oldTally[i];
                    }
                }
            }
        }
        // Sort (order-preserving key, slot) pairs packed in longs: one primitive sort, no boxing.
        long[] order = new long[size];
        for (int slot = 0, k = 0; slot < capacity; slot++) {
            if (tally[slot] != 0) {
                int bits = keys[slot];
                int ordered = bits >= 0 ? bits : bits ^ 0x7fffffff;
                order[k++] = (long) ordered << 32 | slot;
            }
        }
        Arrays.sort(order);
        float[] values = new float[size];
        long[] counts = new long[size];
        for (int k = 0; k < size; k++) {
            int slot = (int) order[k];
            values[k] = Float.intBitsToFloat(keys[slot]);
            counts[k] = tally[slot];
        }
        return new DistinctValues(values, counts);
    }

    private static int slotOf(int[] keys, long[] tally, int bits) {
        int mask = keys.length - 1;
        int slot = (bits * 0x9E3779B9) >>> 7 & mask;
        while (tally[slot] != 0 && keys[slot] != bits) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    int size() { return values.length; }
    float value(int k) { return values[k]; }
    long count(int k) { return counts[k]; }
}
