package org.cellactive.learning;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A fixed set of cell keys that answers "is this key in it?" from UTF-8 bytes in place, so a
 * scan over {@link PoolBlock}s never builds a {@code String} for a cell it only skips or keeps.
 * Open addressing over the keys' bytes; immutable once built.
 */
final class KeySet implements Serializable {

    private static final KeySet EMPTY = new KeySet(new byte[1][], 0);

    private final byte[][] slots;
    private final int size;

    private KeySet(byte[][] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    static KeySet of(Collection<String> keys) {
        if (keys.isEmpty()) {
            return EMPTY;
        }
        int capacity = Integer.highestOneBit(Math.max(2, keys.size() * 2 - 1)) << 1;
        byte[][] slots = new byte[capacity][];
        int size = 0;
        for (String k : keys) {
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            int i = hash(b, 0, b.length) & (capacity - 1);
            while (slots[i] != null && !Arrays.equals(slots[i], b)) {
                i = (i + 1) & (capacity - 1);
            }
            if (slots[i] == null) {
                slots[i] = b;
                size++;
            }
        }
        return new KeySet(slots, size);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(byte[] bytes, int from, int length) {
        if (size == 0) {
            return false;
        }
        int mask = slots.length - 1;
        int i = hash(bytes, from, length) & mask;
        while (slots[i] != null) {
            byte[] s = slots[i];
            if (s.length == length && Arrays.equals(s, 0, length, bytes, from, from + length)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    boolean contains(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        return contains(b, 0, b.length);
    }

    /** FNV-1a, then a final mix so that the low bits used for slots depend on every byte. */
    private static int hash(byte[] b, int from, int length) {
        int h = 0x811C9DC5;
        for (int i = from; i < from + length; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
