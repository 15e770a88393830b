package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellactive.learning.ClassLabels;

/**
 * The simulation-specific parts of a run's manifest.json: each repeat's seed, sizes and
 * seed set with its classes, so a reader can check the cold-start rule held.
 */
public final class SimulationManifest {

    private SimulationManifest() {
    }

    /** One entry per repeat: repeat, seed, test_cells, pool_cells, seed_set [{cell_key, cell_type}]. */
    public static List<Map<String, Object>> repeats(Simulation.Result result, ClassLabels classes) {
        List<Map<String, Object>> repeats = new ArrayList<>();
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
        return repeats;
    }
}
