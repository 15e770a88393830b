package org.cellactive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.experiment.CompletedRepeats;
import org.cellactive.experiment.CurvesCsv;
import org.cellactive.experiment.ProgressPrinter;
import org.cellactive.experiment.Simulation;
import org.cellactive.experiment.SimulationManifest;
import org.cellactive.experiment.SimulationSettings;
import org.cellactive.experiment.report.SimulationReport;
import org.cellactive.learning.DiverseStrategy;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.QueryStrategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: the active-learning experiment of PROTOCOL.md on a cells table. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        showDefaultValues = true,
        description = {"Runs the active-learning experiment protocol on a cells table.",
            "Follows docs/protocol.md; writes curves.csv, summary.csv, learning-curves.png, report.html",
            "and manifest.json to OUT_DIR."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--cells", required = true, paramLabel = "PATH", description = "cells table (cells.parquet) written by extract; any Hadoop path")
    String cells;

    @Option(names = "--out", required = true, paramLabel = "OUT_DIR", description = "run folder for the outputs")
    Path out;

    @Option(names = "--protocol", defaultValue = "binary", paramLabel = "binary|three-class",
            description = "binary: RBC vs WBC, WBC positive; three-class: RBC, WBC, Platelets, macro one-vs-rest")
    String protocol;

    @Option(names = "--features", defaultValue = FeatureColumns.GRAY_INTENSITY, paramLabel = "gray-intensity|all|COL,...",
            description = "feature columns: the article's gray intensity measures, every feature, or a list")
    String features;

    @Option(names = "--strategies", defaultValue = "random,least-confident", paramLabel = "NAME,...",
            description = "query strategies: random, least-confident, margin, entropy, diverse")
    String strategies;

    @Option(names = "--repeats", defaultValue = "20", description = "seeded repeats")
    int repeats;

    @Option(names = "--pool", defaultValue = "300", description = "pool cells per repeat (the seed set comes from it)")
    int pool;

    @Option(names = "--test", defaultValue = "150", description = "stratified test cells per repeat, never queried")
    int test;

    @Option(names = "--seed-size", defaultValue = "5", description = "labelled cells before the first fit; one per class first")
    int seedSize;

    @Option(names = "--batch-size", defaultValue = "1", description = "cells queried per round")
    int batchSize;

    @Option(names = "--rounds", defaultValue = "0", paramLabel = "N",
            description = "rounds (fits) per repeat and strategy, the first on the seed set; 0 = until the pool is empty (pool 300, seed 5, batch 1: 296)")
    int rounds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "run seed; each repeat derives its own")
    long seed;

    @Option(names = "--threads", defaultValue = "4", description = "repeats run concurrently, each submitting its own Spark jobs")
    int threads;

    @Option(names = "--diverse-factor", defaultValue = "" + DiverseStrategy.DEFAULT_FACTOR,
            description = "diverse: uncertain candidates per batch slot before spreading out")
    int diverseFactor;

    @Option(names = "--reg-param", defaultValue = "" + LearnerParams.DEFAULT_REG_PARAM,
            description = "LogisticRegression regParam (not 0: separable classes never converge)")
    double regParam;

    @Option(names = "--elastic-net", defaultValue = "0.0", description = "LogisticRegression elasticNetParam: 0 = L2, 1 = L1")
    double elasticNet;

    @Option(names = "--max-iter", defaultValue = "" + LearnerParams.DEFAULT_MAX_ITER, description = "LogisticRegression maxIter")
    int maxIter;

    @Option(names = "--tol", defaultValue = "" + LearnerParams.DEFAULT_TOL, description = "LogisticRegression tol")
    double tol;

    @Option(names = "--standardization", defaultValue = "true", arity = "1", description = "LogisticRegression standardization")
    boolean standardization;

    @Option(names = "--fit-intercept", defaultValue = "true", arity = "1", description = "LogisticRegression fitIntercept")
    boolean fitIntercept;

    @Option(names = "--warm-start", defaultValue = "true", arity = "1",
            description = "start each refit from the previous round's model (setInitialModel)")
    boolean warmStart;

    @Mixin
    SolverOption solver = new SolverOption();

    @Option(names = "--progress-every", defaultValue = "25", description = "print a progress line every N rounds of a loop")
    int progressEvery;

    @Option(names = "--overwrite", description = "replace a finished run in OUT_DIR (the old folder is moved aside"
            + " first and deleted once the new run is complete); without it a finished run is refused, and an"
            + " unfinished one (killed) is resumed from its completed repeats")
    boolean overwrite;

    @Mixin
    MasterOption master = new MasterOption();

    @Option(names = "--keep-near-duplicates",
            description = "keep cells flagged near_duplicate_of another box (by default they are left out of the"
                    + " draw, so that no cell is asked about twice)")
    boolean keepNearDuplicates;

    @Override
    public Integer call() throws Exception {
        SimulationSettings settings;
        try {
            settings = new SimulationSettings(protocol, SimulationSettings.classesOf(protocol),
                    QueryStrategies.parseList(strategies), repeats, test, pool, seedSize, batchSize, rounds, seed,
                    threads, diverseFactor,
                    new LearnerParams(regParam, elasticNet, maxIter, tol, standardization, fitIntercept, warmStart,
                            solver.solver()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        long startNanos = System.nanoTime();
        SparkSession spark = Spark.loopSession("cellactive simulate", master.url());
        Dataset<Row> table;
        try {
            table = spark.read().parquet(cells);
        } catch (RuntimeException e) {
            throw new InputException("--cells " + cells + ": cannot read it as a parquet cells table: "
                    + e.getMessage(), e);
        }
        table = NearDuplicateFilter.apply(table, keepNearDuplicates);
        FeatureColumns columns;
        try {
            columns = FeatureColumns.resolve(features, table.schema());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cells " + cells + ": " + e.getMessage(), e);
        }
        Path replaced;
        CompletedRepeats completed;
        LinkedHashMap<String, String> decisive = new LinkedHashMap<>();
        decisive.put("features", features);
        decisive.put("feature_columns", String.join(",", columns.columns()));
        decisive.putAll(settings.describe());
        try {
            replaced = ResumableRunFolder.prepare(out, overwrite, "simulate");
            completed = CompletedRepeats.open(out, decisive);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        System.out.println("simulate: " + settings.repeats() + " repeats x " + settings.strategies() + " x "
                + settings.roundsPerRun() + " rounds, " + columns.size() + " features (" + features + "), "
                + settings.threads() + " threads");
        Simulation.Result result = Simulation.run(spark, table, columns, settings,
                new ProgressPrinter(System.out, progressEvery, settings.repeats()), completed);
        if (result.resumedRepeats() > 0) {
            System.out.println("simulate: resumed " + result.resumedRepeats() + " finished repeat(s) from "
                    + out.resolve(CompletedRepeats.DIR));
        }
        CurvesCsv.write(out.resolve(CurvesCsv.FILE_NAME), result.rows());
        LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        parameters.put("cells", cells);
        parameters.put("features", features);
        parameters.put("keep_near_duplicates", String.valueOf(keepNearDuplicates));
        parameters.put("feature_columns", String.join(",", columns.columns()));
        parameters.putAll(settings.describe());
        SimulationReport.write(out, result.rows(), parameters);
        RunManifest manifest = new RunManifest("simulate")
                .input("cells", cells)
                .input("features", features)
                .input("feature_columns", columns.columns())
                .count("cells_used", result.truth().size())
                .count("curve_rows", result.rows().size())
                .count("resumed_repeats", result.resumedRepeats())
                .put("seed", seed)
                .put("spark_master", spark.sparkContext().master())
                .put("per_round_ms", result.timings().summary())
                .count("spark_jobs", result.sparkJobs())
                .put("spark_job_ms_mean", Math.round(result.meanJobMillis() * 10) / 10.0)
                .timing("total", (System.nanoTime() - startNanos) / 1e9)
                .put("repeats", SimulationManifest.repeats(result, settings.classes()))
                .put("outputs", List.of(CurvesCsv.FILE_NAME, "summary.csv", "learning-curves.png", "report.html",
                        "manifest.json"));
        parameters.forEach(manifest::option);
        manifest.writeTo(out.toAbsolutePath().toString(), spark.sparkContext().hadoopConfiguration());
        ResumableRunFolder.discard(replaced);
        System.out.println("simulate: wrote " + out.toAbsolutePath() + " (" + result.rows().size() + " curve rows, " + result.sparkJobs()
                + " Spark jobs of "
                + String.format(java.util.Locale.ROOT, "%.1f", result.meanJobMillis()) + " ms mean; per round " + result.timings().summary() + ")");
        return 0;
    }
}
