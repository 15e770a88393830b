package org.cellactive.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the project and Spark versions. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String own = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "cellactive " + (own == null ? "dev" : own),
            "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION(),
            "Java " + System.getProperty("java.version")
        };
    }
}
