package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.Oracle;
import org.cellactive.learning.Pool;
import org.cellactive.learning.PoolCell;
import org.cellactive.learning.QueryStrategy;
import org.cellactive.learning.ScoredCell;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.UncertaintyScan;

/**
 * The rounds of one strategy in one repeat: fit, score the test set on the driver, ask
 * the strategy for the next batch (one scan), reveal its labels, until the pool is
 * empty or the round limit is reached.
 */
final class StrategyRun {

    /** Called after every round. */
    interface Progress {
        void roundDone(int repeat, String strategy, int round, int roundsPerRun);
    }

    private StrategyRun() {
    }

    /**
     * @param test   the repeat's test cells (on the driver) and their true classes
     * @param seeds  the repeat's seed set, labelled
     */
    static List<CurveRow> run(SparkSession spark, SimulationSettings s, RepeatDraw draw, Pool pool,
                              List<PoolCell> test, int[] testTruth, List<LabelledCell> seeds, QueryStrategy strategy,
                              Oracle oracle, RoundTimings timings, Progress progress) {
        Learner learner = new Learner(spark, s.learner(), s.classes());
        List<LabelledCell> labelled = new ArrayList<>(seeds);
        Set<String> asked = new HashSet<>();
        seeds.forEach(c -> asked.add(c.key()));
        LogisticRegressionModel model = null;
        int roundsPerRun = s.roundsPerRun();
        List<CurveRow> rows = new ArrayList<>(roundsPerRun);
        for (int round = 0; ; round++) {
            long t0 = System.nanoTime();
            Learner.Fit fit = learner.fit(labelled, model);
            model = fit.model();
            long t1 = System.nanoTime();
            TestScores scores = evaluate(model, test, testTruth, s.classes().size());
            long t2 = System.nanoTime();
            int unlabelled = draw.pool().size() - labelled.size();
            boolean last = unlabelled == 0 || round + 1 >= roundsPerRun;
            double queryMs = 0;
            int fittedOn = labelled.size();
            if (!last) {
                ScoringModel scoring = strategy.usesModel() ? ScoringModel.of(model) : null;
                List<ScoredCell> batch = UncertaintyScan.nextBatch(pool, scoring, strategy, asked, s.batchSize());
                List<String> keys = batch.stream().map(ScoredCell::key).toList();
                Map<String, Integer> labels = oracle.label(keys);
                for (ScoredCell c : batch) {
                    labelled.add(new LabelledCell(c.key(), labels.get(c.key()), c.features()));
                    asked.add(c.key());
                }
                queryMs = (System.nanoTime() - t2) / 1e6;
            }
            double fitMs = (t1 - t0) / 1e6;
            timings.add(fitMs, queryMs, (t2 - t1) / 1e6, fit.iterations());
            rows.add(new CurveRow(draw.repeat(), strategy.name(), round, fittedOn, scores.ap(), scores.accuracy(),
                    scores.balancedAccuracy(), fitMs, queryMs));
            progress.roundDone(draw.repeat(), strategy.name(), round, roundsPerRun);
            if (last) {
                return rows;
            }
        }
    }

    /** Scores the small test set on the driver: no Spark job. */
    static TestScores evaluate(LogisticRegressionModel model, List<PoolCell> test, int[] truth, int numClasses) {
        double[][] p = new double[test.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.predictProbability(Vectors.dense(test.get(i).features())).toArray();
        }
        return TestScores.of(p, truth, numClasses);
    }
}
