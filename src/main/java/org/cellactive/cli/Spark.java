package org.cellactive.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every command uses.
 *
 * <p>Under spark-submit the master and the rest of the configuration come from
 * spark-submit. Under plain {@code java} (submit.sh without SPARK_HOME, or tests),
 * {@code spark.*} system properties are honoured and the master defaults to
 * {@code local[*]}, so a laptop needs no Spark distribution.
 */
public final class Spark {
    public static final String DEFAULT_MASTER = "local[*]";
    /** Rows per cached column batch (Spark's default is 10,000); see docs/benchmarks.md §1. */
    static final String COLUMN_BATCH_ROWS = "1000";

    private Spark() {
    }

    /**
     * @param appName      application name shown in the Spark UI and logs
     * @param masterOrNull the {@code --master} option, or null to keep what spark-submit or
     *                     {@code -Dspark.master} set, else {@value #DEFAULT_MASTER}
     */
    public static SparkSession session(String appName, String masterOrNull) {
        return build(conf(appName, masterOrNull));
    }

    /**
     * A session for a loop of many tiny jobs ({@code simulate}, {@code benchmark-fit}): as
     * {@link #session}, and without the web UI unless it is asked for. The UI's listener turns
     * every job, stage and task event into its store, which here is a visible share of each
     * ~12 ms round (docs/benchmarks.md §2); {@code --conf spark.ui.enabled=true} (or
     * {@code -Dspark.ui.enabled=true}) brings it back.
     */
    public static SparkSession loopSession(String appName, String masterOrNull) {
        return withoutUi(appName, masterOrNull);
    }

    /**
     * A session for a one-shot batch that must start fast ({@code extract}): as {@link #session},
     * without the web UI unless asked for. Its Jetty server and listeners cost a cold JVM CPU time
     * before the first job (docs/benchmarks.md §1, "Cold runs"); the progress lines on stderr say
     * what the UI's job page would.
     */
    public static SparkSession batchSession(String appName, String masterOrNull) {
        return withoutUi(appName, masterOrNull);
    }

    private static SparkSession withoutUi(String appName, String masterOrNull) {
        SparkConf conf = conf(appName, masterOrNull);
        conf.setIfMissing("spark.ui.enabled", "false");
        return build(conf);
    }

    private static SparkSession build(SparkConf conf) {
        // demo runs extract then simulate in one JVM, and tests run many commands: the session
        // they share is reused as it is. Handing it a configuration again would only print
        // "Using an existing Spark session; only runtime SQL configurations will take effect".
        scala.Option<SparkSession> existing = SparkSession.getDefaultSession();
        if (existing.isDefined() && !existing.get().sparkContext().isStopped()) {
            return existing.get();
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private static SparkConf conf(String appName, String masterOrNull) {
        SparkConf conf = new SparkConf();
        if (masterOrNull != null && !masterOrNull.isBlank()) {
            conf.setMaster(masterOrNull);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.app.name", appName);
        // Small driver-side jobs dominate the active-learning loop; the UI only costs time here.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        // The feature stage caches ~170 double columns in partitions of ~300 rows; column
        // builders are sized for a whole batch, so Spark's 10,000 allocated ~14 MB per task.
        conf.setIfMissing("spark.sql.inMemoryColumnarStorage.batchSize", COLUMN_BATCH_ROWS);
        return conf;
    }
}
