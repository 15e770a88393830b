package org.cellactive.learning.labelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.Learner;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.ScoringModel;

/**
 * Stratified k-fold accuracy on the labelled cells, with k = min(5, smallest class count):
 * a stopping signal that needs no held-out labels. Folds are assigned in a seeded order
 * within each class, so a rerun gives the same estimate. Skipped (k = 0) when a class has
 * fewer than two labels.
 */
public final class CrossValidatedAccuracy {
    public static final int MAX_FOLDS = 5;

    private CrossValidatedAccuracy() {
    }

    /** The estimate, or {@code folds == 0} when it was skipped. */
    public record Result(int folds, double accuracy) {
    }

    /** The estimate, its folds fitted one after another on the calling thread. */
    public static Result estimate(SparkSession spark, LearnerParams params, ClassLabels classes,
                                  List<LabelledCell> labelled, long seed) {
        return DriverWork.join(start(spark, params, classes, labelled, seed, Runnable::run));
    }

    /**
     * The estimate, its folds fitted as independent tasks on {@code executor}. Each fold's fit
     * depends only on its own cells (a fit sorts its rows by key) and the folds' counts of correct
     * answers are integers summed in fold order, so the result is the same, to the bit, whatever
     * the executor and however its tasks interleave.
     */
    public static CompletableFuture<Result> start(SparkSession spark, LearnerParams params, ClassLabels classes,
                                                  List<LabelledCell> labelled, long seed, Executor executor) {
        int[] counts = new int[classes.size()];
        labelled.forEach(c -> counts[c.label()]++);
        int smallest = Integer.MAX_VALUE;
        for (int n : counts) {
            smallest = Math.min(smallest, n);
        }
        int k = Math.min(MAX_FOLDS, smallest);
        if (k < 2) {
            return CompletableFuture.completedFuture(new Result(0, Double.NaN));
        }
        List<LabelledCell> cells = List.copyOf(labelled);
        int[] fold = assignFolds(cells, classes.size(), k, seed);
        Learner learner = new Learner(spark, params, classes);
        List<CompletableFuture<Integer>> correct = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int held = f;
            correct.add(CompletableFuture.supplyAsync(() -> correctInFold(learner, cells, fold, held), executor));
        }
        return CompletableFuture.allOf(correct.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            int sum = 0;
            for (CompletableFuture<Integer> c : correct) {
                sum += c.join();
            }
            return new Result(k, sum / (double) cells.size());
        });
    }

    /** Fits on every fold but {@code held} and counts the held-out cells it classifies right. */
    static int correctInFold(Learner learner, List<LabelledCell> labelled, int[] fold, int held) {
        List<LabelledCell> train = new ArrayList<>();
        List<LabelledCell> test = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            (fold[i] == held ? test : train).add(labelled.get(i));
        }
        ScoringModel model = ScoringModel.of(learner.fit(train, null).model());
        int correct = 0;
        for (LabelledCell c : test) {
            if (ClassLabels.predicted(model.probabilities(c.features())) == c.label()) {
                correct++;
            }
        }
        return correct;
    }

    /** Within each class, cells in seeded order take folds 0, 1, ..., k-1, 0, ... */
    static int[] assignFolds(List<LabelledCell> labelled, int numClasses, int k, long seed) {
        int[] fold = new int[labelled.size()];
        for (int label = 0; label < numClasses; label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                if (labelled.get(i).label() == label) {
                    members.add(i);
                }
            }
            members.sort(Comparator.comparingLong((Integer i) -> mix(seed, labelled.get(i).key()))
                    .thenComparing(i -> labelled.get(i).key()));
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % k;
            }
        }
        return fold;
    }

    private static long mix(long seed, String key) {
        long h = seed * 0x9E3779B97F4A7C15L + key.hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
