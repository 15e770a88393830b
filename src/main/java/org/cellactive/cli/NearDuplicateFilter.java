package org.cellactive.cli;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cellactive.annotations.NearDuplicates;

/**
 * Leaves the second box of each near-duplicate pair out of a simulation's cells
 * ({@link NearDuplicates}): the same cell twice would be drawn, queried and scored twice.
 * Tables written before the flag existed have no such column and pass unchanged.
 */
final class NearDuplicateFilter {
    private NearDuplicateFilter() {
    }

    static Dataset<Row> apply(Dataset<Row> cells, boolean keep) {
        if (keep || !Arrays.asList(cells.columns()).contains(NearDuplicates.COLUMN)) {
            return cells;
        }
        return cells.filter(col(NearDuplicates.COLUMN).isNull());
    }
}
