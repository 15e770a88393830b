package org.cellactive.imaging;

import java.util.Arrays;

/**
 * Work arrays reused from one cell to the next by one thread.
 *
 * <p>Measuring a cell needs several temporary arrays the size of its crop. Allocated afresh
 * for every cell they came to about 0.9 MB per cell, and in the Spark stage the collector and
 * the cold memory cost a large share of the time (docs/benchmarks.md). Each user keeps its own
 * instance in a {@code ThreadLocal}, so no array is shared between threads or between users.
 *
 * <p>An array longer than {@link #RETAIN_LIMIT} elements is handed out fresh and not kept: one
 * huge hostile box must not pin its memory for the rest of the task. Contents are not cleared
 * unless the method says so: callers write every element before they read it.
 */
public final class ScratchArrays {
    /**
     * The longest array kept for reuse: 1 Mi elements, 4 MiB of {@code int}, enough for crops of a
     * megapixel (BCCD's average 12,000 pixels). A thread keeps at most a few dozen such arrays.
     */
    public static final int RETAIN_LIMIT = 1 << 20;

    private final int[][] ints;
    private final long[][] longs;
    private final float[][] floats;
    private final byte[][] bytes;

    /** Room for the given number of arrays of each type, addressed by slot 0, 1, ... */
    public ScratchArrays(int intSlots, int longSlots, int floatSlots, int byteSlots) {
        ints = new int[intSlots][0];
        longs = new long[longSlots][0];
        floats = new float[floatSlots][0];
        bytes = new byte[byteSlots][0];
    }

    /** An {@code int} array of at least {@code length} elements, contents undefined. */
    public int[] ints(int slot, int length) {
        int[] a = ints[slot];
        if (a.length >= length) {
            return a;
        }
        a = new int[grown(a.length, length)];
        if (length <= RETAIN_LIMIT) {
            ints[slot] = a;
        }
        return a;
    }

    /** As {@link #ints}, with the first {@code length} elements 0. */
    public int[] zeroedInts(int slot, int length) {
        int[] a = ints(slot, length);
        Arrays.fill(a, 0, length, 0);
        return a;
    }

    /** A {@code long} array of at least {@code length} elements, contents undefined. */
    public long[] longs(int slot, int length) {
        long[] a = longs[slot];
        if (a.length >= length) {
            return a;
        }
        a = new long[grown(a.length, length)];
        if (length <= RETAIN_LIMIT) {
            longs[slot] = a;
        }
        return a;
    }

    /** As {@link #longs}, with the first {@code length} elements 0. */
    public long[] zeroedLongs(int slot, int length) {
        long[] a = longs(slot, length);
        Arrays.fill(a, 0, length, 0L);
        return a;
    }

    /** A {@code float} array of at least {@code length} elements, contents undefined. */
    public float[] floats(int slot, int length) {
        float[] a = floats[slot];
        if (a.length >= length) {
            return a;
        }
        a = new float[grown(a.length, length)];
        if (length <= RETAIN_LIMIT) {
            floats[slot] = a;
        }
        return a;
    }

    /** A {@code byte} array of at least {@code length} elements, the first {@code length} 0. */
    public byte[] zeroedBytes(int slot, int length) {
        byte[] a = bytes[slot];
        if (a.length < length) {
            a = new byte[grown(a.length, length)];
            if (length <= RETAIN_LIMIT) {
                bytes[slot] = a;
            }
        }
        Arrays.fill(a, 0, length, (byte) 0);
        return a;
    }

    /** Grows by half again at least, so a run of slowly growing crops does not reallocate each time. */
    private static int grown(int current, int needed) {
        if (needed > RETAIN_LIMIT) {
            return needed;
        }
        long target = Math.max(needed, current + (current >> 1));
        return (int) Math.min(target, RETAIN_LIMIT);
    }
}
