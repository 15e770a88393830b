package org.cellactive.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cellactive.annotations.NearDuplicates;
import org.cellactive.annotations.RejectColumns;
import org.cellactive.reject.RejectedException;

/**
 * What an {@code extract} run's manifest counts, taken from the stage's persisted outcomes and the
 * parser's rejects in one small aggregation, instead of reading the written tables back (three
 * more queries, each listing files and reading Parquet footers, in a cold JVM).
 *
 * @param measured                  cells measured (rows of cells.parquet)
 * @param nearDuplicates            measured cells flagged in {@link NearDuplicates#COLUMN}
 * @param rejectedByStage           rows of rejects.parquet per stage
 * @param boxesRejectedWhileParsing annotation-stage rejects that are boxes (a whole file rejected is none)
 */
public record OutcomeCounts(long measured, long nearDuplicates, Map<String, Long> rejectedByStage,
                            long boxesRejectedWhileParsing) {

    public OutcomeCounts {
        rejectedByStage = Collections.unmodifiableMap(new TreeMap<>(rejectedByStage));
    }

    /** Rows of rejects.parquet. */
    public long rejected() {
        return rejectedByStage.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param outcomes     the feature stage's outcomes ({@link FeatureStage})
     * @param parseRejects the annotation reader's rejects (rejects schema)
     */
    static OutcomeCounts of(Dataset<Row> outcomes, Dataset<Row> parseRejects) {
        Dataset<Row> stage = outcomes.select(col(FeatureStage.REJECT_STAGE).as("stage"), lit(true).as("box"),
                col(NearDuplicates.COLUMN).isNotNull().as("dup"));
        Dataset<Row> parse = parseRejects.select(col(RejectColumns.STAGE).as("stage"),
                col(RejectColumns.CELL_ID).isNotNull().as("box"), lit(false).as("dup"));
        long measured = 0;
        long dups = 0;
        long parsedBoxes = 0;
        Map<String, Long> byStage = new TreeMap<>();
        String annotation = RejectedException.Stage.ANNOTATION.label();
        for (Row r : stage.unionByName(parse).groupBy("stage", "box", "dup").count().collectAsList()) {
            long n = r.getLong(3);
            if (r.isNullAt(0)) {
                measured += n;
                dups += r.getBoolean(2) ? n : 0;
                continue;
            }
            byStage.merge(r.getString(0), n, Long::sum);
            if (annotation.equals(r.getString(0)) && r.getBoolean(1)) {
                parsedBoxes += n;
            }
        }
        return new OutcomeCounts(measured, dups, byStage, parsedBoxes);
    }
}
