package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.FeatureColumns;
import org.cellactive.learning.GroundTruthOracle;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Pool;
import org.cellactive.learning.PoolCell;
import org.cellactive.learning.QueryStrategies;

/**
 * The PROTOCOL's experiment: for each seeded repeat, draw a test set, a pool and a seed
 * set, then run every strategy on that same draw. Repeats are independent, so they run
 * concurrently on a thread pool, each submitting its own small Spark jobs; the driver's
 * scheduling overhead per job, not computing, is what bounds a round.
 */
public final class Simulation {

    /** Progress of the whole run, after every round of every loop. */
    public interface Listener {
        void roundDone(int repeat, String strategy, int round, int roundsPerRun, int roundsDone, int roundsTotal);
    }

    /**
     * @param rows    curve rows sorted by repeat, strategy (in settings order) and round
     * @param draws   each repeat's test set, pool and seed set
     * @param truth   class index per cell key, for the cells the protocol uses
     * @param timings per-round fit, scan and evaluation times
     * @param sparkJobs     Spark jobs the run submitted (the loop's cost driver)
     * @param meanJobMillis mean submission-to-end time of those jobs
     * @param resumedRepeats repeats read back from an earlier, interrupted run instead of run again
     */
    public record Result(List<CurveRow> rows, List<RepeatDraw> draws, Map<String, Integer> truth, RoundTimings timings,
                         long sparkJobs, double meanJobMillis, int resumedRepeats) {
    }

    private Simulation() {
    }

    /**
     * @param completed where finished repeats are recorded and read back from (a killed run
     *                  resumes from them); null to keep nothing
     */
    public static Result run(SparkSession spark, Dataset<Row> cells, FeatureColumns features,
                             SimulationSettings s, Listener listener, CompletedRepeats completed) {
        for (String name : s.strategies()) {
            QueryStrategies.named(name, 0, s.diverseFactor());
        }
        for (String required : List.of(AnnotationColumns.CELL_KEY, AnnotationColumns.CELL_TYPE)) {
            if (!java.util.Arrays.asList(cells.columns()).contains(required)) {
                throw new IllegalArgumentException("the cells table has no " + required + " column, so it cannot be"
                        + " simulated on; its columns are " + java.util.Arrays.toString(cells.columns()));
            }
        }
        Dataset<Row> used = cells.where(functions.col(AnnotationColumns.CELL_TYPE)
                .isin(s.classes().names().toArray()));
        GroundTruthOracle oracle = GroundTruthOracle.read(used, s.classes());
        List<RepeatDraw> draws = new ArrayList<>();
        for (int r = 0; r < s.repeats(); r++) {
            draws.add(RepeatDraw.draw(oracle.all(), s.classes(), s.testSize(), s.poolSize(), s.seedSize(), r, s.seed()));
        }
        RoundTimings timings = new RoundTimings();
        int roundsPerRepeat = s.strategies().size() * s.roundsPerRun();
        int roundsTotal = s.repeats() * roundsPerRepeat;
        List<CurveRow> resumed = new ArrayList<>();
        List<RepeatDraw> toRun = new ArrayList<>();
        for (RepeatDraw draw : draws) {
            var rows = completed == null ? java.util.Optional.<List<CurveRow>>empty() : completed.load(draw.repeat());
            if (rows.isPresent()) {
                resumed.addAll(rows.get());
            } else {
                toRun.add(draw);
            }
        }
        int[] done = {(draws.size() - toRun.size()) * roundsPerRepeat};
        StrategyRun.Progress progress = (repeat, strategy, round, perRun) -> {
            int d;
            synchronized (done) {
                d = ++done[0];
            }
            if (listener != null) {
                listener.roundDone(repeat, strategy, round, perRun, d, roundsTotal);
            }
        };
        SparkJobCounter jobs = new SparkJobCounter();
        spark.sparkContext().addSparkListener(jobs);
        try (Pool all = Pool.assemble(used, features, 1)) {
            all.count(); // materialise the cache once, before the repeats race for it
            ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(s.threads(), toRun.size())));
            try {
                List<Future<List<CurveRow>>> futures = new ArrayList<>();
                for (RepeatDraw draw : toRun) {
                    futures.add(threads.submit(() -> {
                        List<CurveRow> rows = runRepeat(spark, s, draw, all, oracle, timings, progress);
                        if (completed != null) {
                            completed.save(draw.repeat(), rows);
                        }
                        return rows;
                    }));
                }
                List<CurveRow> rows = new ArrayList<>(resumed);
                for (Future<List<CurveRow>> f : futures) {
                    rows.addAll(f.get());
                }
                rows.sort(Comparator.comparingInt(CurveRow::repeat)
                        .thenComparingInt(row -> s.strategies().indexOf(row.strategy()))
                        .thenComparingInt(CurveRow::round));
                return new Result(List.copyOf(rows), List.copyOf(draws), oracle.all(), timings, jobs.jobs(),
                        jobs.meanJobMillis(), draws.size() - toRun.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("simulation failed: " + cause, cause);
            } finally {
                threads.shutdownNow();
                spark.sparkContext().removeSparkListener(jobs);
            }
        }
    }

    private static List<CurveRow> runRepeat(SparkSession spark, SimulationSettings s, RepeatDraw draw, Pool all,
                                            GroundTruthOracle oracle, RoundTimings timings,
                                            StrategyRun.Progress progress) {
        Set<String> needed = new LinkedHashSet<>(draw.test());
        needed.addAll(draw.seeds());
        List<PoolCell> fetched = all.fetch(new ArrayList<>(needed));
        List<PoolCell> test = fetched.subList(0, draw.test().size());
        int[] testTruth = test.stream().mapToInt(c -> oracle.all().get(c.key())).toArray();
        Map<String, Integer> seedLabels = oracle.label(draw.seeds());
        List<LabelledCell> seeds = new ArrayList<>();
        for (PoolCell c : fetched.subList(draw.test().size(), fetched.size())) {
            seeds.add(new LabelledCell(c.key(), seedLabels.get(c.key()), c.features()));
        }
        List<CurveRow> rows = new ArrayList<>();
        try (Pool pool = all.restrictTo(new LinkedHashSet<>(draw.pool()), 1)) {
            for (String name : s.strategies()) {
                rows.addAll(StrategyRun.run(spark, s, draw, pool, test, testTruth, seeds,
                        QueryStrategies.named(name, draw.seed(), s.diverseFactor()), oracle, timings, progress));
            }
        }
        return rows;
    }
}
