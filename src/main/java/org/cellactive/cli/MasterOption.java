package org.cellactive.cli;

import picocli.CommandLine.Option;

/** {@code --master}, shared by every command that starts Spark for its work (a picocli mixin). */
public final class MasterOption {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master URL (default: spark-submit's, else local[*]).")
    String url;

    /** The URL given, or null: {@code Spark} then takes spark-submit's master, else local[*]. */
    public String url() {
        return url;
    }
}
