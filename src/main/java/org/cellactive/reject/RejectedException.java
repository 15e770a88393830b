package org.cellactive.reject;

/**
 * A file, box or cell that cannot be measured. It is never fatal to a run: the
 * stage catches it and writes a row to the rejects table with {@link #stage()}
 * and {@link #reason()}.
 */
public final class RejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where the input failed. Values are the {@code stage} column of rejects.parquet. */
    public enum Stage {
        ANNOTATION, DECODE, CROP, SEGMENT, MEASURE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Stage stage;
    private final String reason;

    public RejectedException(Stage stage, String reason) {
        super(stage.label() + ": " + reason);
        this.stage = stage;
        this.reason = reason;
    }

    public RejectedException(Stage stage, String reason, Throwable cause) {
        super(stage.label() + ": " + reason, cause);
        this.stage = stage;
        this.reason = reason;
    }

    public Stage stage() { return stage; }

    /** One line for a person: what is wrong, without the file name (the row has it). */
    public String reason() { return reason; }
}
