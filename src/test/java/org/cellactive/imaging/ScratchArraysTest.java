package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScratchArraysTest {

    @Test
    void anArrayIsReusedWhileItIsLongEnoughAndGrowsByHalfAgain() {
        ScratchArrays scratch = new ScratchArrays(2, 1, 1, 1);
        int[] first = scratch.ints(0, 100);
        assertEquals(100, first.length);
        assertSame(first, scratch.ints(0, 60));
        int[] grown = scratch.ints(0, 101);
        assertEquals(150, grown.length);
        assertSame(grown, scratch.ints(0, 150));
        // Slots are separate arrays.
        assertNotSame(grown, scratch.ints(1, 10));
    }

    @Test
    void zeroedArraysAreZeroOverTheRequestedLengthAfterReuse() {
        ScratchArrays scratch = new ScratchArrays(1, 1, 0, 1);
        int[] ints = scratch.zeroedInts(0, 8);
        java.util.Arrays.fill(ints, 7);
        ints = scratch.zeroedInts(0, 5);
        for (int i = 0; i < 5; i++) assertEquals(0, ints[i]);
        assertEquals(7, ints[5], "only the requested length is cleared");
        long[] longs = scratch.zeroedLongs(0, 4);
        java.util.Arrays.fill(longs, 9L);
        assertSame(longs, scratch.zeroedLongs(0, 4));
        for (long v : longs) assertEquals(0L, v);
        byte[] bytes = scratch.zeroedBytes(0, 3);
        java.util.Arrays.fill(bytes, (byte) 1);
        for (byte v : scratch.zeroedBytes(0, 3)) assertEquals(0, v);
    }

    @Test
    void anArrayOverTheRetainLimitIsHandedOutFreshAndNotKept() {
        ScratchArrays scratch = new ScratchArrays(1, 0, 1, 0);
        int[] small = scratch.ints(0, 10);
        int[] huge = scratch.ints(0, ScratchArrays.RETAIN_LIMIT + 1);
        assertEquals(ScratchArrays.RETAIN_LIMIT + 1, huge.length);
        assertSame(small, scratch.ints(0, 10), "the huge array replaced nothing");
        assertNotSame(huge, scratch.ints(0, ScratchArrays.RETAIN_LIMIT + 1));
        // Growth stops at the limit: a request just under it is kept.
        float[] big = scratch.floats(0, ScratchArrays.RETAIN_LIMIT - 1);
        assertTrue(big.length <= ScratchArrays.RETAIN_LIMIT);
        assertSame(big, scratch.floats(0, ScratchArrays.RETAIN_LIMIT - 1));
    }
}
