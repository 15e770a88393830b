package org.cellactive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run folder's manifest.json: inputs, options, versions, seed, counts and timings.
 *
 * <p>Written last, and atomically (temporary file, then rename), so a run folder
 * without a manifest is an incomplete run.
 */
public final class RunManifest {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final Map<String, Object> counts = new LinkedHashMap<>();
    private final Map<String, Object> timings = new LinkedHashMap<>();

    public RunManifest(String command) {
        root.put("command", command);
        root.put("started", Instant.now().toString());
        Map<String, Object> versions = new LinkedHashMap<>();
        String own = RunManifest.class.getPackage().getImplementationVersion();
        versions.put("cellactive", own == null ? "dev" : own);
        versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        versions.put("scala", scala.util.Properties.versionNumberString());
        versions.put("java", System.getProperty("java.version"));
        root.put("versions", versions);
        root.put("inputs", inputs);
        root.put("options", options);
        root.put("counts", counts);
        root.put("timings_seconds", timings);
    }

    public RunManifest input(String name, Object value) { inputs.put(name, value); return this; }
    public RunManifest option(String name, Object value) { options.put(name, value); return this; }
    public RunManifest count(String name, long value) { counts.put(name, value); return this; }
    public RunManifest timing(String name, double seconds) { timings.put(name, Math.round(seconds * 1000) / 1000.0); return this; }
    public RunManifest put(String name, Object value) { root.put(name, value); return this; }

    /** Writes {@code dir/manifest.json} through Hadoop FileSystem (local, HDFS, S3). */
    public void writeTo(String dir, Configuration hadoopConf) throws IOException {
        root.put("finished", Instant.now().toString());
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        Path target = new Path(dir, "manifest.json");
        Path temp = new Path(dir, ".manifest.json.tmp");
        FileSystem fs = target.getFileSystem(hadoopConf);
        fs.setWriteChecksum(false);
        try (OutputStream out = fs.create(temp, true)) {
            out.write(json);
            out.write("\n".getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            throw new IOException("could not rename " + temp + " to " + target);
        }
    }
}
