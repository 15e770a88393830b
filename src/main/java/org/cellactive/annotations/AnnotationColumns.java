package org.cellactive.annotations;

/**
 * Column names of the annotation table: one row per cell box. The cells table that
 * {@code extract} writes starts with the same columns, then {@link #CELL_KEY}, then
 * the feature columns.
 */
public final class AnnotationColumns {
    /** Image file name without extension, e.g. {@code BloodImage_00000}. */
    public static final String IMAGE_ID = "image_id";
    /** 0-based index of the box within its image, in annotation-file order. */
    public static final String CELL_ID = "cell_id";
    /** Class name from the annotation (RBC, WBC, Platelets), or null for unlabelled boxes. */
    public static final String CELL_TYPE = "cell_type";
    /** Absolute Hadoop path (URI string) of the image file. */
    public static final String IMAGE_PATH = "image_path";
    /** VOC box corners: 1-based, inclusive, as written in the annotation. */
    public static final String XMIN = "xmin";
    public static final String YMIN = "ymin";
    public static final String XMAX = "xmax";
    public static final String YMAX = "ymax";
    /**
     * Stable, sortable key of a cell: {@code image_id + "_" + two-digit cell_id},
     * e.g. {@code BloodImage_00000_03}. Also the name of the crop PNG.
     * Ties in every ranking are broken by this key.
     */
    public static final String CELL_KEY = "cell_key";

    private AnnotationColumns() {
    }

    public static String cellKey(String imageId, int cellId) {
        return String.format(java.util.Locale.ROOT, "%s_%02d", imageId, cellId);
    }
}
