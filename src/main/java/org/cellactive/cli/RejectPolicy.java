package org.cellactive.cli;

import java.util.Iterator;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.features.FeatureStage;

/**
 * When rejects fail an {@code extract} ({@link ExitCodes#REJECTS_EXCEEDED}).
 *
 * <p>By default a few rejects are normal (BCCD has two zero-area boxes): they are listed and
 * counted, and the run succeeds. More than {@code maxFraction} of the items rejected (boxes and
 * whole annotation files, out of measured cells plus rejects) says the inputs or the options are
 * wrong: everything is still written, for inspection, and the exit code says so.
 * {@code failFast} stops at the first reject instead and writes nothing.
 */
record RejectPolicy(double maxFraction, boolean failFast) {

    /** The start of the message of the task failure that {@link #stopAtFirstReject} causes. */
    static final String FAIL_FAST_MARK = "--fail-fast: rejected ";

    RejectPolicy {
        if (!(maxFraction >= 0 && maxFraction <= 1)) {
            throw new UsageException("--max-reject-fraction must be between 0 and 1, not " + maxFraction);
        }
    }

    boolean exceeded(long measured, long rejected) {
        long items = measured + rejected;
        return rejected > 0 && (double) rejected / items > maxFraction;
    }

    String summary(long measured, long rejected) {
        return String.format(Locale.ROOT, "%,d of %,d items rejected (%.1f%%), over --max-reject-fraction %s;"
                + " see rejects.parquet", rejected, measured + rejected,
                100.0 * rejected / Math.max(1, measured + rejected), maxFraction);
    }

    /**
     * The outcomes, but a task fails at the first reject it meets, which stops the job (after
     * Spark's task retries on a cluster: the same box fails again each time).
     */
    static Dataset<Row> stopAtFirstReject(Dataset<Row> outcomes) {
        // A map over whole partitions, not a filter: the optimizer could evaluate cells()' own
        // "not rejected" filter first, and this check would never see a reject.
        StructType schema = outcomes.schema();
        return outcomes.mapPartitions(new FailAtReject(schema.fieldIndex(FeatureStage.REJECT_STAGE),
                schema.fieldIndex(FeatureStage.REJECT_REASON), schema.fieldIndex(AnnotationColumns.CELL_KEY)),
                Encoders.row(schema));
    }

    /** The fail-fast message inside a failed job's exception chain, or null. */
    static String failFastMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf(FAIL_FAST_MARK);
            if (at >= 0) {
                String line = m.substring(at).lines().findFirst().orElse("");
                return line;
            }
        }
        return null;
    }

    private record FailAtReject(int stage, int reason, int key) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row row = rows.next();
                    if (!row.isNullAt(stage)) {
                        throw new IllegalStateException(FAIL_FAST_MARK + row.getString(key) + " at stage "
                                + row.getString(stage) + ": " + row.getString(reason));
                    }
                    return row;
                }
            };
        }
    }
}
