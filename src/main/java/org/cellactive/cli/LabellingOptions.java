package org.cellactive.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code query} and {@code serve} share (a picocli mixin): the cells table, the ledger and
 * what the ledger's first round fixes (classes, features), the strategy, the seed and the crops'
 * image size limit. The batch size is each command's own (required for query, 20 for serve).
 */
public final class LabellingOptions {
    @Option(names = "--cells", required = true, description = "The cells table (RUN_DIR/cells.parquet; any Hadoop path).")
    String cells;

    @Option(names = "--ledger", required = true, description = "Label ledger folder (created when it holds none).")
    Path ledger;

    @Option(names = "--classes", split = ",",
            description = "Class names, comma-separated; recorded when the ledger is created, checked after.")
    List<String> classes;

    @Option(names = "--features", defaultValue = "all",
            description = "all, gray-intensity or COL,...; fixed by the ledger's first round (default: ${DEFAULT-VALUE}).")
    String features = "all";

    @Option(names = "--strategy", defaultValue = "diverse",
            description = "random, least-confident, margin, entropy or diverse (default: ${DEFAULT-VALUE}).")
    String strategy = "diverse";

    @Option(names = "--seed", defaultValue = "42", description = "Seed of cold-start samples, random order and"
            + " cross-validation folds (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--max-image-pixels", defaultValue = "100000000",
            description = "Largest image (width x height) decoded for the crops (default: ${DEFAULT-VALUE}).")
    long maxImagePixels = 100_000_000L;
}
