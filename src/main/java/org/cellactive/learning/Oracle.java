package org.cellactive.learning;

import java.util.List;
import java.util.Map;

/**
 * Whoever reveals the true class of queried cells: the ground truth in a simulation, a
 * person (through the label ledger) in the labelling workflow.
 */
public interface Oracle {

    /**
     * @param cellKeys the cells to label
     * @return class index (in {@link ClassLabels} order) per key, for every key asked
     * @throws IllegalArgumentException when a key has no label
     */
    Map<String, Integer> label(List<String> cellKeys);
}
