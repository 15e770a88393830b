package org.cellactive.cli;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cellactive.annotations.RejectColumns;
import org.cellactive.reject.RejectedException;

/**
 * The rejects table summed up for the manifest, from one small aggregation: the total,
 * the count per stage, and the boxes rejected while parsing. Those never reached the
 * feature stage, yet are boxes; a whole annotation file rejected (no cell_id) is no box.
 */
record RejectCounts(long total, Map<String, Long> byStage, long boxesRejectedWhileParsing) {

    static RejectCounts of(Dataset<Row> rejects) {
        long total = 0;
        long parsedBoxes = 0;
        Map<String, Long> byStage = new TreeMap<>();
        String annotation = RejectedException.Stage.ANNOTATION.label();
        for (Row r : rejects.groupBy(col(RejectColumns.STAGE), col(RejectColumns.CELL_ID).isNotNull().as("box"))
                .count().collectAsList()) {
            long n = r.getLong(2);
            total += n;
            byStage.merge(r.getString(0), n, Long::sum);
            if (annotation.equals(r.getString(0)) && r.getBoolean(1)) {
                parsedBoxes += n;
            }
        }
        return new RejectCounts(total, byStage, parsedBoxes);
    }
}
