package org.cellactive.learning.ledger;

/**
 * Why one line of an answers file was not imported.
 *
 * @param line 1-based line number in the answers file (the header is line 1)
 */
public record AnswerProblem(String file, int line, String cellKey, Kind kind, String detail) {
    /** The cases the validator reports. */
    public enum Kind { EMPTY_CELL_KEY, UNKNOWN_CELL_KEY, EMPTY_LABEL, UNKNOWN_CLASS, CONFLICT_IN_FILE, CONFLICTING_RELABEL }

    @Override
    public String toString() {
        return file + ":" + line + ": " + detail;
    }
}
