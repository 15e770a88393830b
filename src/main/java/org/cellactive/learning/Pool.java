package org.cellactive.learning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.storage.StorageLevel;
import org.cellactive.annotations.AnnotationColumns;

/**
 * Cells as feature vectors, assembled once from a cells table and cached on the
 * executors. The pool never comes to the driver: the loop reaches it through one
 * {@link CandidateScan} per round, and through {@link #fetch} for the few cells it labels.
 *
 * <p>The cache holds {@link PoolBlock}s: a few thousand cells each, their features one
 * row-major {@code double[]} and their keys one UTF-8 {@code byte[]}. That costs the feature
 * bytes plus a key's bytes and an int per cell, where an object per cell cost ~600 bytes.
 *
 * <p>A pool holds every candidate; which of them are already labelled is the caller's
 * business (the scan takes them as an exclusion set), so the cached data never changes.
 */
public final class Pool implements AutoCloseable {

    private final FeatureColumns features;
    private final JavaRDD<PoolBlock> blocks;
    /** Keys a restricted pool keeps; its lineage reads them, so it lives as long as the pool. */
    private final Broadcast<KeySet> membership;
    private volatile FeatureScale scale;

    private Pool(FeatureColumns features, JavaRDD<PoolBlock> blocks, Broadcast<KeySet> membership) {
        this.features = features;
        this.blocks = blocks;
        this.membership = membership;
    }

    /**
     * Assembles {@code table}'s feature columns into vectors and caches them.
     *
     * @param partitions number of partitions of the cached pool, or 0 to keep the table's.
     *                   One partition suits a few thousand cells: each scan is then one task.
     * @throws IllegalArgumentException (when the pool is first used) if a feature is null, NaN or infinite
     */
    public static Pool assemble(Dataset<Row> table, FeatureColumns features, int partitions) {
        List<Column> select = new ArrayList<>();
        select.add(functions.col(AnnotationColumns.CELL_KEY));
        for (String c : features.columns()) {
            select.add(functions.col(c).cast("double"));
        }
        Dataset<Row> selected = table.select(select.toArray(new Column[0]));
        if (partitions > 0) {
            selected = selected.coalesce(partitions);
        }
        List<String> names = features.columns();
        JavaRDD<PoolBlock> rdd = selected.toJavaRDD().mapPartitions(rows -> new RowBlocks(rows, names));
        rdd.persist(StorageLevel.MEMORY_ONLY());
        return new Pool(features, rdd, null);
    }

    /** A partition's rows, checked and packed into blocks as they stream by. */
    private static final class RowBlocks implements Iterator<PoolBlock> {
        private final Iterator<Row> rows;
        private final List<String> names;
        private final PoolBlock.Builder builder;

        RowBlocks(Iterator<Row> rows, List<String> names) {
            this.rows = rows;
            this.names = names;
            this.builder = new PoolBlock.Builder(names.size());
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext() || !builder.isEmpty();
        }

        @Override
        public PoolBlock next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            while (rows.hasNext() && !builder.isFull()) {
                add(rows.next());
            }
            return builder.build();
        }

        private void add(Row row) {
            String key = row.getString(0);
            if (key == null) {
                throw new IllegalArgumentException("cells table: a row has a null cell_key");
            }
            double[] x = builder.featureArray();
            int at = builder.nextOffset();
            for (int i = 0; i < names.size(); i++) {
                if (row.isNullAt(i + 1)) {
                    throw new IllegalArgumentException("cells table: cell " + key + " has no value for " + names.get(i));
                }
                double v = row.getDouble(i + 1);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("cells table: cell " + key + " has " + names.get(i) + " = " + v);
                }
                x[at + i] = v;
            }
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            builder.addKey(k, 0, k.length);
        }
    }

    /**
     * A new cached pool holding only the cells whose keys are in {@code keys}: a simulation
     * repeat's pool, drawn from the assembled table without assembling again.
     */
    public Pool restrictTo(Set<String> keys, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<KeySet> wanted = jsc.broadcast(KeySet.of(keys));
        int dims = features.size();
        JavaRDD<PoolBlock> subset = blocks.mapPartitions(it -> kept(it, wanted.value(), dims).iterator());
        if (partitions > 0) {
            subset = subset.coalesce(partitions);
        }
        subset.persist(StorageLevel.MEMORY_ONLY());
        Pool pool = new Pool(features, subset, wanted);
        long n = pool.count();
        if (n != keys.size()) {
            pool.close();
            throw new IllegalArgumentException("pool: " + (keys.size() - n) + " of the requested cells are not in the table");
        }
        return pool;
    }

    /** The cells of these blocks whose keys are in {@code keys}, packed into new blocks. */
    private static List<PoolBlock> kept(Iterator<PoolBlock> blocks, KeySet keys, int dims) {
        List<PoolBlock> out = new ArrayList<>();
        PoolBlock.Builder builder = new PoolBlock.Builder(dims);
        while (blocks.hasNext()) {
            PoolBlock b = blocks.next();
            for (int row = 0; row < b.size(); row++) {
                if (b.keyIn(keys, row)) {
                    builder.add(b, row);
                    if (builder.isFull()) {
                        out.add(builder.build());
                    }
                }
            }
        }
        if (!builder.isEmpty()) {
            out.add(builder.build());
        }
        return out;
    }

    /**
     * The cells with these keys, in the order given, in one job. For the few cells a round
     * labels or a small test set; never for the whole pool.
     *
     * @throws IllegalArgumentException naming the keys that are not in the pool
     */
    public List<PoolCell> fetch(Collection<String> keys) {
        // A small set rides in the task closure, shipped once with the job: no broadcast to make and destroy.
        KeySet wanted = KeySet.of(keys);
        List<PoolCell> found = blocks.flatMap(b -> {
            List<PoolCell> hits = new ArrayList<>();
            for (int row = 0; row < b.size(); row++) {
                if (b.keyIn(wanted, row)) {
                    hits.add(b.cell(row));
                }
            }
            return hits.iterator();
        }).collect();
        Map<String, PoolCell> byKey = new LinkedHashMap<>();
        for (PoolCell c : found) {
            byKey.put(c.key(), c);
        }
        List<PoolCell> ordered = new ArrayList<>(keys.size());
        List<String> missing = new ArrayList<>();
        for (String k : keys) {
            PoolCell c = byKey.get(k);
            if (c == null) {
                missing.add(k);
            } else {
                ordered.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("pool: unknown cell key(s) " + missing);
        }
        return ordered;
    }

    /**
     * Per-feature mean and standard deviation over the pool; computed once, in one job. The same
     * cells give the same bits however they are partitioned ({@link ExactSum}).
     */
    public FeatureScale scale() {
        FeatureScale s = scale;
        if (s == null) {
            synchronized (this) {
                if (scale == null) {
                    int d = features.size();
                    scale = blocks.aggregate(new Moments(d), Moments::add, Moments::merge).scale();
                }
                s = scale;
            }
        }
        return s;
    }

    /**
     * Exact sums over cells ({@link ExactSum}), so that the scale has the same bits however the
     * pool is partitioned and in whatever order Spark merges the partitions' sums.
     */
    private static final class Moments implements java.io.Serializable {
        long n;
        final ExactSum[] sum;
        final ExactSum[] sumSquares;

        Moments(int d) {
            sum = new ExactSum[d];
            sumSquares = new ExactSum[d];
            for (int i = 0; i < d; i++) {
                sum[i] = new ExactSum();
                sumSquares[i] = new ExactSum();
            }
        }

        Moments add(PoolBlock b) {
            double[] x = b.matrix();
            int d = sum.length;
            for (int row = 0; row < b.size(); row++) {
                int at = b.offset(row);
                for (int i = 0; i < d; i++) {
                    sum[i].add(x[at + i]);
                    sumSquares[i].add(x[at + i] * x[at + i]);
                }
            }
            n += b.size();
            return this;
        }

        Moments merge(Moments o) {
            for (int i = 0; i < sum.length; i++) {
                sum[i].merge(o.sum[i]);
                sumSquares[i].merge(o.sumSquares[i]);
            }
            n += o.n;
            return this;
        }

        FeatureScale scale() {
            double[] s = new double[sum.length];
            double[] q = new double[sum.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = sum[i].value();
                q[i] = sumSquares[i].value();
            }
            return FeatureScale.fromMoments(n, s, q);
        }
    }

    /** Number of cells (not blocks) in the pool. */
    public long count() {
        return blocks.aggregate(0L, (n, b) -> n + b.size(), Long::sum);
    }

    public FeatureColumns features() {
        return features;
    }

    /**
     * Bytes the cached blocks take in memory, as Spark's block manager estimated them when it
     * stored them; 0 before the first job has filled the cache. A diagnostic, for benchmarks.
     */
    public long cachedBytes() {
        int id = blocks.id();
        for (RDDInfo info : blocks.context().getRDDStorageInfo()) {
            if (info.id() == id) {
                return info.memSize();
            }
        }
        return 0;
    }

    /** Number of the pool's partitions that are cached in memory now. */
    public int cachedPartitions() {
        int id = blocks.id();
        for (RDDInfo info : blocks.context().getRDDStorageInfo()) {
            if (info.id() == id) {
                return info.numCachedPartitions();
            }
        }
        return 0;
    }

    /** Number of partitions of the cached pool: the tasks of one scan. */
    public int partitions() {
        return blocks.getNumPartitions();
    }

    /** The cached blocks, for scans. */
    JavaRDD<PoolBlock> blocks() {
        return blocks;
    }

    @Override
    public void close() {
        blocks.unpersist(false);
        if (membership != null) {
            membership.destroy(false);
        }
    }
}
