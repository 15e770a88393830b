package org.cellactive.learning.ledger;

import java.util.List;
import java.util.Map;

/**
 * What one {@code query} round did, stored as {@code rounds/NNNN/round.json}. It is
 * written last, inside the round's staging folder, so a committed round always has it.
 *
 * @param round          1-based round number
 * @param labelsSeen     how many label records the ledger held when the round was issued;
 *                       a rerun with the same count re-emits this round instead of a new one
 * @param coldStart      true when fewer than two classes were labelled and the batch is a
 *                       seeded sample spread across images, not a model's choice
 * @param trainedClasses the classes the model was fit on (ledger order), empty in cold start
 * @param changedShare   share of the pool whose predicted class changed since the last model
 *                       round, or null when there is no earlier model
 * @param maxUncertainty largest 1 - max p among the pool cells left after this batch, or null
 * @param cvAccuracy     k-fold accuracy on the labelled cells, or null when too few
 * @param cvFolds        k of that cross-validation, 0 when skipped
 */
public record RoundInfo(int round, String strategy, int batchSize, long seed, boolean coldStart, int labelsSeen,
                        List<String> trainedClasses, List<String> features, Map<String, String> learner,
                        long poolSize, int labelledCells, Double changedShare, Double maxUncertainty,
                        Double cvAccuracy, int cvFolds, String createdAt) {
    public RoundInfo {
        trainedClasses = List.copyOf(trainedClasses);
        features = List.copyOf(features);
        // Sorted: round.json must not depend on a JVM's hash salt, or a resumed ledger would differ.
        learner = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(learner));
    }
}
