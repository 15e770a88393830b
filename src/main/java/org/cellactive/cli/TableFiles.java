package org.cellactive.cli;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Writes tables of a run folder: Parquet folders, and single CSV files for people. */
public final class TableFiles {
    private TableFiles() {
    }

    public static void writeParquet(Dataset<Row> table, String path) {
        table.write().mode(SaveMode.Overwrite).parquet(path);
    }

    /**
     * Writes {@code table} as one CSV file with a header at {@code file}: Spark writes a
     * folder of parts, so this writes one part beside the target, then renames it.
     */
    public static void writeSingleCsv(Dataset<Row> table, String file, Configuration conf) throws IOException {
        Path target = new Path(file);
        Path staging = new Path(target.getParent(), "." + target.getName() + ".parts");
        table.coalesce(1).write().mode(SaveMode.Overwrite)
                .option("header", "true")
                .option("escape", "\"")
                .csv(staging.toString());
        FileSystem fs = target.getFileSystem(conf);
        Path part = null;
        for (FileStatus status : fs.listStatus(staging)) {
            if (status.getPath().getName().startsWith("part-")) {
                part = status.getPath();
            }
        }
        if (part == null) {
            throw new IOException("Spark wrote no CSV part under " + staging);
        }
        fs.delete(target, false);
        if (!fs.rename(part, target)) {
            throw new IOException("could not rename " + part + " to " + target);
        }
        fs.delete(staging, true);
        // The local file system renames the part's hidden checksum file along with it.
        fs.delete(new Path(target.getParent(), "." + target.getName() + ".crc"), false);
    }
}
