package org.cellactive.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of a simulate run: inputs, options, versions, seed, times, and each
 * repeat's seed set with its classes. Written last, so its presence means the run finished.
 */
public final class SimulationManifest {

    public static final String FILE_NAME = "manifest.json";

    private SimulationManifest() {
    }

    /**
     * @param inputs   e.g. cells path and feature columns
     * @param options  every option of the run
     * @param versions cellactive, Spark and Java versions
     */
    public static void write(Path outDir, Map<String, Object> inputs, Map<String, String> options,
                             Map<String, String> versions, Simulation.Result result, Instant started,
                             Instant finished, List<String> outputs) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "simulate");
        m.put("inputs", inputs);
        m.put("options", options);
        m.put("versions", versions);
        m.put("seed", options.get("seed"));
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("started", started.toString());
        times.put("finished", finished.toString());
        times.put("wall_seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
        times.put("per_round", result.timings().summary());
        m.put("times", times);
        List<Map<String, Object>> repeats = new ArrayList<>();
        var classes = SimulationSettings.classesOf(options.get("protocol"));
        for (RepeatDraw d : result.draws()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("repeat", d.repeat());
            r.put("seed", d.seed());
            r.put("test_cells", d.test().size());
            r.put("pool_cells", d.pool().size());
            List<Map<String, String>> seeds = new ArrayList<>();
            for (String key : d.seeds()) {
                Map<String, String> cell = new LinkedHashMap<>();
                cell.put("cell_key", key);
                cell.put("cell_type", classes.name(result.truth().get(key)));
                seeds.add(cell);
            }
            r.put("seed_set", seeds);
            repeats.add(r);
        }
        m.put("repeats", repeats);
        m.put("outputs", outputs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(outDir.resolve(FILE_NAME).toFile(), m);
    }
}
