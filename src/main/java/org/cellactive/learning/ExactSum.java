package org.cellactive.learning;

import java.io.Serializable;
import java.math.BigInteger;

/**
 * A sum of doubles that does not depend on the order they are added in: the exact sum is kept in
 * fixed point, and {@link #value()} rounds it once, to nearest, ties to even (the result of
 * Python's {@code math.fsum}). A sum over a Spark RDD then has the same bits however the rows are
 * partitioned and in whatever order partial sums are merged.
 *
 * <p>How: every finite double is an integer times 2<sup>-1074</sup>, so their sum is one integer
 * of at most 2,100 bits. It is held as {@value #CHUNKS} signed 64-bit chunks of 32 bits each
 * (a "superaccumulator"); a term adds its 53-bit significand, shifted by its exponent, into three
 * chunks, with no loop and no branch on the data. The 31 spare bits of each chunk absorb the
 * carries of {@value #NORMALIZE_EVERY} terms before they are propagated.
 *
 * <p>Non-finite terms are summed apart (their sum is order-independent too: NaN absorbs, opposite
 * infinities give NaN); if there is any, it is the result. A finite sum beyond the double range
 * rounds to an infinity.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** 2,098 bits of range (2<sup>-1074</sup> to 2<sup>1024</sup>), plus room for carries. */
    static final int CHUNKS = 67;
    /** Terms between carry propagations: each adds less than 2<sup>32</sup> to a chunk. */
    static final int NORMALIZE_EVERY = 1 << 30;
    private static final long LOW32 = 0xFFFF_FFFFL;

    private final long[] chunks = new long[CHUNKS];
    private int sinceNormalized;
    private double special;
    private boolean anySpecial;

    /** Adds {@code x} exactly. */
    public ExactSum add(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) & 0x7ff;
        if (exponent == 0x7ff) {
            special = anySpecial ? special + x : x;
            anySpecial = true;
            return this;
        }
        long significand = bits & ((1L << 52) - 1);
        if (exponent == 0) {
            if (significand == 0) {
                return this;
            }
            exponent = 1; // subnormal: the same scale as the smallest normal, without the hidden bit
        } else {
            significand |= 1L << 52;
        }
        int shift = exponent - 1; // x = significand * 2^(shift - 1074)
        int at = shift >>> 5;
        int offset = shift & 31;
        long shifted = significand << offset; // the low 64 of up to 84 bits
        long c0 = shifted & LOW32;
        long c1 = shifted >>> 32;
        long c2 = offset == 0 ? 0 : significand >>> (64 - offset);
        if (bits < 0) {
            chunks[at] -= c0;
            chunks[at + 1] -= c1;
            chunks[at + 2] -= c2;
        } else {
            chunks[at] += c0;
            chunks[at + 1] += c1;
            chunks[at + 2] += c2;
        }
        if (++sinceNormalized == NORMALIZE_EVERY) {
            normalize();
        }
        return this;
    }

    /** Adds everything {@code other} holds, exactly; {@code other}'s sum is unchanged. */
    public ExactSum merge(ExactSum other) {
        normalize(); // each chunk now below 2^32, so adding another's (below 2^62) cannot overflow
        for (int i = 0; i < CHUNKS; i++) {
            chunks[i] += other.chunks[i];
        }
        normalize();
        if (other.anySpecial) {
            special = anySpecial ? special + other.special : other.special;
            anySpecial = true;
        }
        return this;
    }

    /** The exact sum rounded to the nearest double (ties to even); 0 for no terms. */
    public double value() {
        if (anySpecial) {
            return special;
        }
        BigInteger exact = BigInteger.ZERO;
        for (int i = CHUNKS - 1; i >= 0; i--) {
            exact = exact.shiftLeft(32).add(BigInteger.valueOf(chunks[i]));
        }
        int sign = exact.signum();
        if (sign == 0) {
            return 0.0;
        }
        BigInteger magnitude = exact.abs();
        // Keep 62 bits and a sticky bit for everything below them: converting that long rounds
        // to 53 bits exactly as the whole integer would round.
        int dropped = Math.max(0, magnitude.bitLength() - 62);
        long top = magnitude.shiftRight(dropped).longValueExact();
        if (dropped > 0 && magnitude.getLowestSetBit() < dropped) {
            top |= 1;
        }
        // Exact scaling: a result below the normal range has fewer than 53 bits, so nothing was
        // dropped or rounded above, and a normal one keeps its 53 bits.
        return sign * Math.scalb((double) top, dropped - 1074);
    }

    /** Propagates carries: chunks 0..CHUNKS-2 end in [0, 2^32), the top one keeps the sign. */
    private void normalize() {
        for (int i = 0; i < CHUNKS - 1; i++) {
            long carry = chunks[i] >> 32;
            chunks[i] &= LOW32;
            chunks[i + 1] += carry;
        }
        sinceNormalized = 0;
    }
}
