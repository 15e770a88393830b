package org.cellactive.learning.ledger;

import java.util.List;

/**
 * The outcome of validating one answers file against the ledger.
 *
 * @param accepted  new or changed labels to append (valid lines only)
 * @param unchanged valid lines that repeat the label the ledger already holds
 * @param problems  every line that was not imported, and why
 */
public record ImportPlan(List<LabelRecord> accepted, int unchanged, List<AnswerProblem> problems) {
    public ImportPlan {
        accepted = List.copyOf(accepted);
        problems = List.copyOf(problems);
    }
}
