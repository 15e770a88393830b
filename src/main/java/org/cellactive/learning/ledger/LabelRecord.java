package org.cellactive.learning.ledger;

import java.util.Objects;

/**
 * One answer in the ledger.
 *
 * @param cellKey    the cell, as {@code AnnotationColumns.cellKey}
 * @param label      one of the ledger's classes
 * @param annotator  who or what answered (a person's name, or e.g. {@code ground-truth-script})
 * @param answeredAt when the answer was imported, ISO-8601 UTC
 * @param round      the round whose batch last issued this cell
 * @param relabel    true when this answer replaced an earlier, different label ({@code --relabel})
 * @param source     the answers file and line it came from, e.g. {@code answers.csv:7}, or
 *                   {@code serve:...} for an answer given in the browser
 */
public record LabelRecord(String cellKey, String label, String annotator, String answeredAt, int round,
                          boolean relabel, String source) {
    /**
     * The label of a "skip / unsure" answer from {@code serve}: the person saw the cell and
     * could not tell. It is kept (the cell is not asked again) but never trained on.
     */
    public static final String UNSURE = "?unsure";
    /**
     * The label of an undone first answer: the cell is unlabelled again and may be asked
     * again. Appended, never erased, so the ledger keeps the history.
     */
    public static final String WITHDRAWN = "?withdrawn";

    public LabelRecord {
        Objects.requireNonNull(cellKey, "cellKey");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(source, "source");
    }

    /** True when the label is one of the ledger's classes, i.e. something to train on. */
    public boolean isClassLabel() {
        return !isUnsure() && !isWithdrawn();
    }

    public boolean isUnsure() {
        return UNSURE.equals(label);
    }

    public boolean isWithdrawn() {
        return WITHDRAWN.equals(label);
    }
}
