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
 * @param source     the answers file and line it came from, e.g. {@code answers.csv:7}
 */
public record LabelRecord(String cellKey, String label, String annotator, String answeredAt, int round,
                          boolean relabel, String source) {
    public LabelRecord {
        Objects.requireNonNull(cellKey, "cellKey");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(source, "source");
    }
}
