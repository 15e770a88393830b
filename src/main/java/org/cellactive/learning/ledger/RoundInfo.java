package org.cellactive.learning.ledger;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one round (of {@code query} or {@code serve}) did, stored as {@code rounds/NNNN/round.json}.
 * It is written last, inside the round's staging folder, so a committed round always has it.
 * Build one with {@link #builder(int)}: sixteen positional arguments of look-alike types
 * were too easy to swap.
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
        learner = Collections.unmodifiableMap(new TreeMap<>(learner));
    }

    public static Builder builder(int round) {
        return new Builder(round);
    }

    /** Named setters for a round record; unset signals stay null (not measured). */
    public static final class Builder {
        private final int round;
        private String strategy;
        private int batchSize;
        private long seed;
        private boolean coldStart;
        private int labelsSeen;
        private List<String> trainedClasses = List.of();
        private List<String> features = List.of();
        private Map<String, String> learner = Map.of();
        private long poolSize;
        private int labelledCells;
        private Double changedShare;
        private Double maxUncertainty;
        private Double cvAccuracy;
        private int cvFolds;
        private String createdAt;

        private Builder(int round) {
            this.round = round;
        }

        /** The strategy that picked the batch ({@code cold-start} when no model existed), its batch size and seed. */
        public Builder picking(String strategyName, int batchSizeAsked, long seedGiven) {
            this.strategy = strategyName;
            this.batchSize = batchSizeAsked;
            this.seed = seedGiven;
            return this;
        }

        public Builder coldStart(boolean value) {
            this.coldStart = value;
            return this;
        }

        /** The ledger's state when the round was issued: label records seen and cells labelled. */
        public Builder ledgerState(int labelRecordsSeen, int cellsLabelled) {
            this.labelsSeen = labelRecordsSeen;
            this.labelledCells = cellsLabelled;
            return this;
        }

        /** The model's inputs: the classes it was fit on, the feature columns, the learner settings. */
        public Builder model(List<String> trained, List<String> featureColumns, Map<String, String> learnerSettings) {
            this.trainedClasses = trained;
            this.features = featureColumns;
            this.learner = learnerSettings;
            return this;
        }

        public Builder poolSize(long cells) {
            this.poolSize = cells;
            return this;
        }

        /** The stopping signal; any part may be null when it could not be measured. */
        public Builder signal(Double changed, Double uncertainty, Double crossValidatedAccuracy, int folds) {
            this.changedShare = changed;
            this.maxUncertainty = uncertainty;
            this.cvAccuracy = crossValidatedAccuracy;
            this.cvFolds = folds;
            return this;
        }

        public Builder createdAt(String instant) {
            this.createdAt = instant;
            return this;
        }

        public RoundInfo build() {
            return new RoundInfo(round, strategy, batchSize, seed, coldStart, labelsSeen, trainedClasses, features,
                    learner, poolSize, labelledCells, changedShare, maxUncertainty, cvAccuracy, cvFolds, createdAt);
        }
    }
}
