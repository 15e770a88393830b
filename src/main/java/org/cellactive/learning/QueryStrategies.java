package org.cellactive.learning;

import java.util.ArrayList;
import java.util.List;

/** Looks strategies up by their command-line names. */
public final class QueryStrategies {

    /** Every name {@link #named} accepts. */
    public static final List<String> NAMES = List.of("random", "least-confident", "margin", "entropy", "diverse");

    private QueryStrategies() {
    }

    /**
     * @param seed          seeds the random order of {@code random}
     * @param diverseFactor candidates per batch slot for {@code diverse}
     */
    public static QueryStrategy named(String name, long seed, int diverseFactor) {
        switch (name.trim()) {
            case "random":
                return new RandomStrategy(seed);
            case "least-confident":
                return new UncertaintyStrategy(UncertaintyMeasure.LEAST_CONFIDENT);
            case "margin":
                return new UncertaintyStrategy(UncertaintyMeasure.MARGIN);
            case "entropy":
                return new UncertaintyStrategy(UncertaintyMeasure.ENTROPY);
            case "diverse":
                return new DiverseStrategy(diverseFactor);
            default:
                throw new IllegalArgumentException("unknown strategy '" + name.trim() + "'; known: " + NAMES);
        }
    }

    /** Parses a comma-separated list, keeping its order and refusing duplicates. */
    public static List<String> parseList(String csv) {
        List<String> names = new ArrayList<>();
        for (String part : csv.split(",")) {
            String n = part.trim();
            if (n.isEmpty()) {
                continue;
            }
            if (!NAMES.contains(n)) {
                throw new IllegalArgumentException("unknown strategy '" + n + "'; known: " + NAMES);
            }
            if (names.contains(n)) {
                throw new IllegalArgumentException("strategy '" + n + "' is listed twice");
            }
            names.add(n);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--strategies is empty; known: " + NAMES);
        }
        return names;
    }
}
