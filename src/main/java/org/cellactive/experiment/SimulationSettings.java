package org.cellactive.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LearnerParams;

/**
 * Everything a simulation run depends on besides the cells table and the feature columns.
 *
 * @param protocol       "binary" or "three-class"
 * @param classes        the classes the protocol separates
 * @param strategies     strategy names, in output order
 * @param repeats        number of seeded repeats
 * @param testSize       stratified test set size per repeat
 * @param poolSize       pool size per repeat (includes the seed set)
 * @param seedSize       labelled cells before the first fit
 * @param batchSize      cells queried per round
 * @param maxRounds      rounds (fits) per repeat and strategy, or 0 for "until the pool is empty"
 * @param seed           run seed; each repeat derives its own
 * @param threads        repeats run concurrently
 * @param diverseFactor  candidates per batch slot for the diverse strategy
 * @param learner        the logistic regression settings
 */
public record SimulationSettings(String protocol, ClassLabels classes, List<String> strategies, int repeats,
                                 int testSize, int poolSize, int seedSize, int batchSize, int maxRounds, long seed,
                                 int threads, int diverseFactor, LearnerParams learner) {

    public SimulationSettings {
        strategies = List.copyOf(strategies);
        if (repeats < 1 || testSize < classes.size() || poolSize < 1 || batchSize < 1 || maxRounds < 0 || threads < 1) {
            throw new IllegalArgumentException("simulate: need --repeats >= 1, --test >= number of classes, --pool >= 1,"
                    + " --batch-size >= 1, --rounds >= 0 and --threads >= 1; got " + this);
        }
    }

    /** The classes of a protocol name. */
    public static ClassLabels classesOf(String protocol) {
        switch (protocol) {
            case "binary":
                return ClassLabels.BINARY;
            case "three-class":
                return ClassLabels.THREE_CLASS;
            default:
                throw new IllegalArgumentException("unknown protocol '" + protocol + "'; use binary or three-class");
        }
    }

    /** Rounds (fits) one repeat of one strategy makes. */
    public int roundsPerRun() {
        int queries = (poolSize - seedSize + batchSize - 1) / batchSize;
        int rounds = queries + 1;
        return maxRounds > 0 ? Math.min(maxRounds, rounds) : rounds;
    }

    /** The settings as named strings, for manifests and reports. */
    public LinkedHashMap<String, String> describe() {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put("protocol", protocol);
        m.put("classes", String.join(",", classes.names()));
        m.put("positive_class", classes.size() == 2 ? classes.name(1) : "macro one-vs-rest");
        m.put("strategies", String.join(",", strategies));
        m.put("repeats", Integer.toString(repeats));
        m.put("test", Integer.toString(testSize));
        m.put("pool", Integer.toString(poolSize));
        m.put("seed_size", Integer.toString(seedSize));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("rounds", maxRounds == 0 ? "until the pool is empty (" + roundsPerRun() + ")" : Integer.toString(maxRounds));
        m.put("seed", Long.toString(seed));
        m.put("threads", Integer.toString(threads));
        m.put("diverse_factor", Integer.toString(diverseFactor));
        m.put("cold_start_rule", "the seed set holds one random pool cell of every class first, then random pool cells");
        m.put("test_set", "stratified random, never queried; the same test set, pool and seed set for every strategy of a repeat");
        m.putAll(learner.describe());
        return m;
    }
}
