package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.NearDuplicates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NearDuplicateFilterTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> cells(boolean withFlag) {
        StructType schema = new StructType().add("cell_key", DataTypes.StringType);
        if (withFlag) {
            schema = schema.add(NearDuplicates.COLUMN, DataTypes.StringType);
        }
        List<Row> rows = withFlag
                ? List.of(RowFactory.create("a_00", null), RowFactory.create("a_01", "a_00"), RowFactory.create("b_00", null))
                : List.of(RowFactory.create("a_00"), RowFactory.create("a_01"), RowFactory.create("b_00"));
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void theSecondBoxOfAPairIsLeftOutUnlessKept() {
        assertEquals(List.of("a_00", "b_00"), keys(NearDuplicateFilter.apply(cells(true), false)));
        assertEquals(List.of("a_00", "a_01", "b_00"), keys(NearDuplicateFilter.apply(cells(true), true)));
    }

    @Test
    void tablesWithoutTheFlagPassUnchanged() {
        assertEquals(List.of("a_00", "a_01", "b_00"), keys(NearDuplicateFilter.apply(cells(false), false)));
    }

    private static List<String> keys(Dataset<Row> cells) {
        return cells.orderBy("cell_key").select("cell_key").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }
}
