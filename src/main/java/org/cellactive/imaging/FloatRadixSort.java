package org.cellactive.imaging;

/**
 * Sorts floats by their bit patterns, one byte at a time (LSD radix sort): linear time, so
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
        int[] count = new int[257];
        for (int shift = 0; shift < 32; shift += 8) {
            java.util.Arrays.fill(count, 0);
            // The top byte carries the sign: bias it so negative keys come first.
            int bias = shift == 24 ? 0x80 : 0;
            for (int k : keys) {
                count[((k >>> shift) & 0xff ^ bias) + 1]++;
            }
            if (count[((keys[0] >>> shift) & 0xff ^ bias) + 1] == n) {
                continue;  // every key has this byte: the pass would not move anything
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int k : keys) {
                buffer[count[(k >>> shift) & 0xff ^ bias]++] = k;
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
