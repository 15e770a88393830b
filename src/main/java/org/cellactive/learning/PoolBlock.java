package org.cellactive.learning;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A few thousand pool cells in primitive arrays: the unit the {@link Pool} caches and the
 * {@link CandidateScan} reads. A cell costs its feature bytes plus its key's UTF-8 bytes
 * and one int, against ~600 bytes for a {@code String} and a {@code double[]} object per cell,
 * and a scan walks one matrix instead of chasing a pointer per cell.
 *
 * <p>A plain class, not a value: the arrays are shared with the cache and with the scan
 * (copying them would cost what the compact layout saves), so it neither copies them nor
 * compares by content. Nothing modifies a block after {@link Builder#build}.
 */
final class PoolBlock implements Serializable {

    /** Rows per block: large enough that per-block costs vanish, small enough to unroll into the cache in steps. */
    static final int ROWS = 4096;

    private final int size;
    private final int dims;
    /** Row-major: cell i's feature j is {@code features[i * dims + j]}. */
    private final double[] features;
    /** Cell i's key is the UTF-8 bytes {@code keyBytes[keyStart[i] .. keyStart[i + 1])}. */
    private final byte[] keyBytes;
    private final int[] keyStart;

    private PoolBlock(int size, int dims, double[] features, byte[] keyBytes, int[] keyStart) {
        this.size = size;
        this.dims = dims;
        this.features = features;
        this.keyBytes = keyBytes;
        this.keyStart = keyStart;
    }

    int size() {
        return size;
    }

    int dims() {
        return dims;
    }

    /** The row-major feature matrix itself, for scans; never modified. */
    double[] matrix() {
        return features;
    }

    /** Offset of cell {@code row}'s first feature in {@link #matrix()}. */
    int offset(int row) {
        return row * dims;
    }

    /** A fresh copy of cell {@code row}'s features. */
    double[] features(int row) {
        return Arrays.copyOfRange(features, row * dims, (row + 1) * dims);
    }

    String key(int row) {
        return new String(keyBytes, keyStart[row], keyStart[row + 1] - keyStart[row], StandardCharsets.UTF_8);
    }

    /** The key's UTF-8 bytes live here, from {@link #keyOffset} for {@link #keyLength} bytes. */
    byte[] keyBytes() {
        return keyBytes;
    }

    int keyOffset(int row) {
        return keyStart[row];
    }

    int keyLength(int row) {
        return keyStart[row + 1] - keyStart[row];
    }

    boolean keyIn(KeySet keys, int row) {
        return keys.contains(keyBytes, keyStart[row], keyStart[row + 1] - keyStart[row]);
    }

    PoolCell cell(int row) {
        return new PoolCell(key(row), features(row));
    }

    /** Fills blocks of at most {@link #ROWS} cells, one cell at a time. */
    static final class Builder {
        private final int dims;
        private final int capacity;
        private int size;
        private double[] features;
        private byte[] keyBytes;
        private int[] keyStart;

        Builder(int dims) {
            this(dims, ROWS);
        }

        Builder(int dims, int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("block capacity must be >= 1");
            }
            this.dims = dims;
            this.capacity = capacity;
            reset();
        }

        private void reset() {
            size = 0;
            features = new double[capacity * dims];
            keyBytes = new byte[capacity * 24];
            keyStart = new int[capacity + 1];
        }

        boolean isFull() {
            return size == capacity;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The next row's features go here, from {@link #nextOffset()}; call {@link #addKey} after filling them. */
        double[] featureArray() {
            return features;
        }

        int nextOffset() {
            return size * dims;
        }

        void addKey(byte[] bytes, int from, int length) {
            int end = keyStart[size] + length;
            if (end > keyBytes.length) {
                keyBytes = Arrays.copyOf(keyBytes, Math.max(end, (int) Math.min(Integer.MAX_VALUE - 8, 2L * keyBytes.length)));
            }
            System.arraycopy(bytes, from, keyBytes, keyStart[size], length);
            size++;
            keyStart[size] = end;
        }

        void add(String key, double[] x) {
            System.arraycopy(x, 0, features, size * dims, dims);
            byte[] b = key.getBytes(StandardCharsets.UTF_8);
            addKey(b, 0, b.length);
        }

        /** Copies one cell of another block. */
        void add(PoolBlock from, int row) {
            System.arraycopy(from.features, row * dims, features, size * dims, dims);
            addKey(from.keyBytes, from.keyStart[row], from.keyLength(row));
        }

        /** The block so far, trimmed to its size; the builder starts a new one. */
        PoolBlock build() {
            int n = size;
            PoolBlock b = new PoolBlock(n, dims,
                    n == capacity ? features : Arrays.copyOf(features, n * dims),
                    Arrays.copyOf(keyBytes, keyStart[n]), Arrays.copyOf(keyStart, n + 1));
            reset();
            return b;
        }
    }
}
