package org.cellactive.features.spark;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;

/** {@code extract --fail-fast}: the feature stage's job stops at the first reject it meets. */
public final class FailFast {

    /** The start of the message of the task failure that {@link #stopAtFirstReject} causes. */
    public static final String FAIL_FAST_MARK = "--fail-fast: rejected ";

    private FailFast() {
    }

    /**
     * The outcomes, but a task fails at the first reject it meets, which stops the job (after
     * Spark's task retries on a cluster: the same box fails again each time).
     */
    public static Dataset<Row> stopAtFirstReject(Dataset<Row> outcomes) {
        // A map over whole partitions, not a filter: the optimizer could evaluate cells()' own
        // "not rejected" filter first, and this check would never see a reject.
        StructType schema = outcomes.schema();
        return outcomes.mapPartitions(new FailAtReject(schema.fieldIndex(FeatureStage.REJECT_STAGE),
                schema.fieldIndex(FeatureStage.REJECT_REASON), schema.fieldIndex(AnnotationColumns.CELL_KEY)),
                Encoders.row(schema));
    }

    /** The fail-fast message inside a failed job's exception chain, or null. */
    public static String failFastMessage(Throwable e) {
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
