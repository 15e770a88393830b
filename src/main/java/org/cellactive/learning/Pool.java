package org.cellactive.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.cellactive.annotations.AnnotationColumns;
import scala.Tuple3;

/**
 * Cells as feature vectors, assembled once from a cells table and cached on the
 * executors. The pool never comes to the driver: the loop reaches it through one
 * {@link UncertaintyScan} per round, and through {@link #fetch} for the few cells it labels.
 *
 * <p>A pool holds every candidate; which of them are already labelled is the caller's
 * business (the scan takes them as an exclusion set), so the cached data never changes.
 */
public final class Pool implements AutoCloseable {

    private final FeatureColumns features;
    private final JavaRDD<PoolCell> cells;
    /** Keys a restricted pool keeps; its lineage reads them, so it lives as long as the pool. */
    private final Broadcast<Set<String>> membership;
    private volatile FeatureScale scale;

    private Pool(FeatureColumns features, JavaRDD<PoolCell> cells, Broadcast<Set<String>> membership) {
        this.features = features;
        this.cells = cells;
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
        JavaRDD<PoolCell> rdd = selected.toJavaRDD().map(row -> toCell(row, names));
        rdd.persist(StorageLevel.MEMORY_ONLY());
        return new Pool(features, rdd, null);
    }

    private static PoolCell toCell(Row row, List<String> names) {
        String key = row.getString(0);
        if (key == null) {
            throw new IllegalArgumentException("cells table: a row has a null cell_key");
        }
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            if (row.isNullAt(i + 1)) {
                throw new IllegalArgumentException("cells table: cell " + key + " has no value for " + names.get(i));
            }
            x[i] = row.getDouble(i + 1);
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("cells table: cell " + key + " has " + names.get(i) + " = " + x[i]);
            }
        }
        return new PoolCell(key, x);
    }

    /**
     * A new cached pool holding only the cells whose keys are in {@code keys}: a simulation
     * repeat's pool, drawn from the assembled table without assembling again.
     */
    public Pool restrictTo(Set<String> keys, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(cells.context());
        Broadcast<Set<String>> wanted = jsc.broadcast(new HashSet<>(keys));
        JavaRDD<PoolCell> subset = cells.filter(c -> wanted.value().contains(c.key()));
        if (partitions > 0) {
            subset = subset.coalesce(partitions);
        }
        subset.persist(StorageLevel.MEMORY_ONLY());
        Pool pool = new Pool(features, subset, wanted);
        long n = subset.count();
        if (n != keys.size()) {
            pool.close();
            throw new IllegalArgumentException("pool: " + (keys.size() - n) + " of the requested cells are not in the table");
        }
        return pool;
    }

    /**
     * The cells with these keys, in the order given, in one job. For the few cells a round
     * labels or a small test set; never for the whole pool.
     *
     * @throws IllegalArgumentException naming the keys that are not in the pool
     */
    public List<PoolCell> fetch(Collection<String> keys) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(cells.context());
        Broadcast<Set<String>> wanted = jsc.broadcast(new HashSet<>(keys));
        List<PoolCell> found = cells.filter(c -> wanted.value().contains(c.key())).collect();
        wanted.destroy();
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

    /** Per-feature mean and standard deviation over the pool; computed once, in one job. */
    public FeatureScale scale() {
        FeatureScale s = scale;
        if (s == null) {
            synchronized (this) {
                if (scale == null) {
                    int d = features.size();
                    Tuple3<Long, double[], double[]> zero = new Tuple3<>(0L, new double[d], new double[d]);
                    Tuple3<Long, double[], double[]> m = cells.aggregate(zero,
                            (acc, c) -> {
                                double[] x = c.features();
                                for (int i = 0; i < d; i++) {
                                    acc._2()[i] += x[i];
                                    acc._3()[i] += x[i] * x[i];
                                }
                                return new Tuple3<>(acc._1() + 1, acc._2(), acc._3());
                            },
                            (a, b) -> {
                                for (int i = 0; i < d; i++) {
                                    a._2()[i] += b._2()[i];
                                    a._3()[i] += b._3()[i];
                                }
                                return new Tuple3<>(a._1() + b._1(), a._2(), a._3());
                            });
                    scale = FeatureScale.fromMoments(m._1(), m._2(), m._3());
                }
                s = scale;
            }
        }
        return s;
    }

    public long count() {
        return cells.count();
    }

    public FeatureColumns features() {
        return features;
    }

    /** The cached cells, for scans. */
    JavaRDD<PoolCell> cells() {
        return cells;
    }

    @Override
    public void close() {
        cells.unpersist(false);
        if (membership != null) {
            membership.destroy(false);
        }
    }
}
