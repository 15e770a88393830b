package org.cellactive.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.cellactive.experiment.FitBenchmark;
import org.cellactive.learning.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark-fit}: one refit with the driver solver against {@code LogisticRegression.fit},
 * over growing labelled sets, as a Markdown table for docs/benchmarks.md. JVM and Spark start-up
 * are not counted; each size is fitted once untimed first.
 */
@Command(name = "benchmark-fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times one learner fit with --solver driver and --solver spark on synthetic labelled sets",
            "of growing size; the size where they cost the same is where --solver auto switches."})
public final class BenchmarkFitCommand implements Callable<Integer> {

    @Option(names = "--rows", split = ",", defaultValue = "300,1000,3000,10000,30000,100000",
            description = "Labelled set sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> rows;

    @Option(names = "--features", defaultValue = "15", description = "Features per cell (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--classes", defaultValue = "2", description = "Classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--runs", defaultValue = "5", description = "Timed fits per size and solver (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() {
        if (classes < 2 || features < 1 || runs < 1 || rows.stream().anyMatch(r -> r < classes)) {
            return CliErrors.usage("benchmark-fit", "need --classes >= 2, --features >= 1, --runs >= 1 and every"
                    + " --rows value >= --classes");
        }
        SparkSession spark = Spark.session("cellactive benchmark-fit", master);
        System.out.printf(Locale.ROOT, "benchmark-fit: master %s, %d features, %d classes, median of %d cold fits,"
                + " MLlib defaults (regParam 0.01, tol 1e-6); auto switches above %d rows x coefficients%n%n",
                spark.sparkContext().master(), features, classes, runs, Solver.AUTO_DRIVER_LIMIT);
        System.out.println("| labelled rows | rows × coefficients | driver ms | spark ms | spark / driver | iterations driver / spark |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int n : rows) {
            FitBenchmark.Point p = FitBenchmark.measure(spark, n, features, classes, runs, 42);
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.2f | %.1f | %.1f | %d / %d |%n", p.rows(),
                    p.rows() * p.coefficients(), p.driverMs(), p.sparkMs(), p.ratio(), p.driverIterations(),
                    p.sparkIterations());
        }
        return 0;
    }
}
