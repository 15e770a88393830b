package org.cellactive.learning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.cellactive.annotations.AnnotationColumns;

/**
 * The simulation's oracle: the cell_type column of the cells table. It reads the keys and
 * classes once (a short string pair per cell, never the features), so answering a
 * round costs no Spark job. Cells whose class is not one of the {@link ClassLabels} (e.g.
 * Platelets in the binary protocol, or null) are left out.
 */
public final class GroundTruthOracle implements Oracle {

    private final ClassLabels classes;
    private final Map<String, Integer> truth;

    private GroundTruthOracle(ClassLabels classes, Map<String, Integer> truth) {
        this.classes = classes;
        this.truth = Collections.unmodifiableMap(truth);
    }

    /** Reads cell_key and cell_type of the cells of {@code classes} from {@code cells}. */
    public static GroundTruthOracle read(Dataset<Row> cells, ClassLabels classes) {
        List<Row> rows = cells
                .select(AnnotationColumns.CELL_KEY, AnnotationColumns.CELL_TYPE)
                .where(functions.col(AnnotationColumns.CELL_TYPE).isin(classes.names().toArray()))
                .collectAsList();
        Map<String, Integer> truth = new HashMap<>(rows.size() * 2);
        for (Row r : rows) {
            String key = r.getString(0);
            if (truth.put(key, classes.indexOf(r.getString(1))) != null) {
                throw new IllegalArgumentException("cells table: cell_key " + key + " appears more than once");
            }
        }
        return new GroundTruthOracle(classes, truth);
    }

    /** An oracle from known labels, e.g. for tests. */
    public static GroundTruthOracle of(ClassLabels classes, Map<String, Integer> truth) {
        return new GroundTruthOracle(classes, new HashMap<>(truth));
    }

    @Override
    public Map<String, Integer> label(List<String> cellKeys) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String k : cellKeys) {
            Integer label = truth.get(k);
            if (label == null) {
                missing.add(k);
            } else {
                out.put(k, label);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("ground truth has no " + classes.names() + " label for " + missing);
        }
        return out;
    }

    /** Every labelled cell key with its class index. */
    public Map<String, Integer> all() {
        return truth;
    }

    public ClassLabels classes() {
        return classes;
    }
}
