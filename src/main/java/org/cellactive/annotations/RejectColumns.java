package org.cellactive.annotations;

/**
 * Column names of the rejects table (RUN_DIR/rejects.parquet): every annotation file,
 * image or box that could not be measured, and why. Nothing is dropped silently.
 */
public final class RejectColumns {
    /** The file that failed: the annotation file for parse errors, else the image path. */
    public static final String FILE = "file";
    /** Nullable: unknown when the annotation file itself cannot be read. */
    public static final String IMAGE_ID = "image_id";
    /** Nullable: null when a whole file or image failed. */
    public static final String CELL_ID = "cell_id";
    /** Nullable, as {@link #CELL_ID}. */
    public static final String CELL_KEY = "cell_key";
    /** annotation | decode | crop | segment | measure (see reject.RejectedException.Stage). */
    public static final String STAGE = "stage";
    public static final String REASON = "reason";

    private RejectColumns() {
    }
}
