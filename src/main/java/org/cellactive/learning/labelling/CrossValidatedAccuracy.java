package org.cellactive.learning.labelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    public static Result estimate(SparkSession spark, LearnerParams params, ClassLabels classes,
                                  List<LabelledCell> labelled, long seed) {
        int[] counts = new int[classes.size()];
        labelled.forEach(c -> counts[c.label()]++);
        int smallest = Integer.MAX_VALUE;
        for (int n : counts) {
            smallest = Math.min(smallest, n);
        }
        int k = Math.min(MAX_FOLDS, smallest);
        if (k < 2) {
            return new Result(0, Double.NaN);
        }
        int[] fold = assignFolds(labelled, classes.size(), k, seed);
        int correct = 0;
        for (int f = 0; f < k; f++) {
            List<LabelledCell> train = new ArrayList<>();
            List<LabelledCell> test = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                (fold[i] == f ? test : train).add(labelled.get(i));
            }
            ScoringModel model = ScoringModel.of(new Learner(spark, params, classes).fit(train, null).model());
            for (LabelledCell c : test) {
                if (argmax(model.probabilities(c.features())) == c.label()) {
                    correct++;
                }
            }
        }
        return new Result(k, correct / (double) labelled.size());
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

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static long mix(long seed, String key) {
        long h = seed * 0x9E3779B97F4A7C15L + key.hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
