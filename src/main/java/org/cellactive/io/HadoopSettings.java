package org.cellactive.io;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The driver's Hadoop configuration, shipped to executors: the one way every Spark stage that reads
 * files gets it, so {@code spark.hadoop.*} settings (S3 credentials, ...) reach the tasks.
 *
 * <p>A snapshot of the entries, broadcast once per stage ({@link #broadcast}): a full configuration
 * is some thousand entries, too many to copy into every task's closure. Each deserialized copy builds
 * its {@link Configuration} once, on first use.
 */
public final class HadoopSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> entries;
    private transient volatile Configuration configuration;

    private HadoopSettings(HashMap<String, String> entries) {
        this.entries = entries;
    }

    /** A snapshot of {@code conf}'s entries as they are now. */
    public static HadoopSettings of(Configuration conf) {
        HashMap<String, String> copy = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            copy.put(e.getKey(), e.getValue());
        }
        return new HadoopSettings(copy);
    }

    /** The session's Hadoop configuration, broadcast for one stage's tasks. */
    public static Broadcast<HadoopSettings> broadcast(SparkSession spark) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(of(spark.sparkContext().hadoopConfiguration()));
    }

    /** The configuration, without Hadoop's default resources: exactly the driver's entries. */
    public Configuration configuration() {
        Configuration c = configuration;
        if (c == null) {
            c = new Configuration(false);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                c.set(e.getKey(), e.getValue());
            }
            configuration = c;
        }
        return c;
    }
}
