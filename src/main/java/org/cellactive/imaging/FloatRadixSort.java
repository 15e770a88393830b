package org.cellactive.imaging;

/**
 * Sorts floats by their bit patterns, 11 bits at a time (LSD radix sort): linear time, so
 * {@link Threshold#li} on a 10,000-pixel crop costs a few passes instead of a comparison
 * sort, which dominated segmentation. NaN sorts above +infinity; -0.0 below +0.0.
 */
final class FloatRadixSort {
    private FloatRadixSort() {
    }

    /** A sorted copy of {@code values}. */
    static float[] sorted(float[] values) {
        int n = values.length;
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            // Order-preserving as signed ints: negative floats count down, so flip their magnitude.
            keys[i] = bits >= 0 ? bits : bits ^ 0x7fffffff;
        }
        int[] buffer = new int[n];
        int[] count = new int[(1 << 11) + 1];
        // Three digits of 11, 11 and 10 bits; the top one carries the sign, so bias it to sort
        // negative keys first.
        for (int shift = 0; shift < 32; shift += 11) {
            int bits = Math.min(11, 32 - shift);
            int mask = (1 << bits) - 1;
            int bias = shift + bits == 32 ? 1 << (bits - 1) : 0;
            java.util.Arrays.fill(count, 0);
            for (int k : keys) {
                count[((k >>> shift) & mask ^ bias) + 1]++;
            }
            if (count[((keys[0] >>> shift) & mask ^ bias) + 1] == n) {
                continue;  // every key has this digit: the pass would not move anything
            }
            for (int d = 0; d < mask; d++) {
                count[d + 1] += count[d];
            }
            for (int k : keys) {
                buffer[count[(k >>> shift) & mask ^ bias]++] = k;
            }
            int[] swap = keys;
            keys = buffer;
            buffer = swap;
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int k = keys[i];
            out[i] = Float.intBitsToFloat(k >= 0 ? k : k ^ 0x7fffffff);
        }
        return out;
    }
}
