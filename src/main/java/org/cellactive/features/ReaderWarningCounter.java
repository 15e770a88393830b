package org.cellactive.features;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;
import org.cellactive.imaging.ReaderWarnings;

/**
 * Counts image-reader warnings per kind across the tasks of the feature stage, for the
 * manifest. An accumulator: each task counts its own and the driver merges them. A partition
 * computed twice (its executor lost after it ran) counts its warnings twice: the counts say
 * which kinds occurred and roughly how often, the rejects table is the exact record.
 */
public final class ReaderWarningCounter extends AccumulatorV2<String, Map<String, Long>> implements ReaderWarnings {
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, Long> counts = new TreeMap<>();

    @Override
    public void warned(String kind) {
        add(kind);
    }

    @Override
    public boolean isZero() {
        synchronized (counts) {
            return counts.isEmpty();
        }
    }

    @Override
    public ReaderWarningCounter copy() {
        ReaderWarningCounter copy = new ReaderWarningCounter();
        copy.merge(this);
        return copy;
    }

    @Override
    public void reset() {
        synchronized (counts) {
            counts.clear();
        }
    }

    @Override
    public void add(String kind) {
        synchronized (counts) {
            counts.merge(kind, 1L, Long::sum);
        }
    }

    @Override
    public void merge(AccumulatorV2<String, Map<String, Long>> other) {
        Map<String, Long> theirs = other.value();
        synchronized (counts) {
            theirs.forEach((k, n) -> counts.merge(k, n, Long::sum));
        }
    }

    /** A sorted copy. */
    @Override
    public Map<String, Long> value() {
        synchronized (counts) {
            return new TreeMap<>(counts);
        }
    }
}
