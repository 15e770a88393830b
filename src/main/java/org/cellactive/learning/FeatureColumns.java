package org.cellactive.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cellactive.annotations.AnnotationColumns;

/**
 * The feature columns a learner uses, resolved against a cells table schema from a
 * {@code --features} value: {@code gray-intensity} (the Intensity_*_Gray columns, what
 * the article's CellProfiler pipeline measured), {@code all} (every double column that
 * is not an annotation column) or a comma-separated list of column names.
 *
 * @param spec    the value the user gave, recorded in outputs
 * @param columns the resolved column names, in schema order (or list order for a list)
 */
public record FeatureColumns(String spec, List<String> columns) implements java.io.Serializable {

    public static final String GRAY_INTENSITY = "gray-intensity";
    public static final String ALL = "all";

    private static final Set<String> ANNOTATION_COLUMNS = Set.of(
            AnnotationColumns.IMAGE_ID, AnnotationColumns.CELL_ID, AnnotationColumns.CELL_TYPE,
            AnnotationColumns.IMAGE_PATH, AnnotationColumns.XMIN, AnnotationColumns.YMIN,
            AnnotationColumns.XMAX, AnnotationColumns.YMAX, AnnotationColumns.CELL_KEY);

    public FeatureColumns {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("--features " + spec + " selects no column");
        }
    }

    public int size() {
        return columns.size();
    }

    /**
     * Resolves {@code spec} against {@code schema}.
     *
     * @throws IllegalArgumentException naming every unknown or non-numeric column, or when
     *                                  the selection is empty
     */
    public static FeatureColumns resolve(String spec, StructType schema) {
        String trimmed = spec == null ? "" : spec.trim();
        List<String> featureColumns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (!ANNOTATION_COLUMNS.contains(field.name()) && isNumeric(field.dataType())) {
                featureColumns.add(field.name());
            }
        }
        if (trimmed.equals(ALL)) {
            return new FeatureColumns(trimmed, featureColumns);
        }
        if (trimmed.equals(GRAY_INTENSITY)) {
            List<String> gray = featureColumns.stream()
                    .filter(c -> c.startsWith("Intensity_") && c.endsWith("_Gray"))
                    .toList();
            if (gray.isEmpty()) {
                throw new IllegalArgumentException("--features gray-intensity: the cells table has no"
                        + " Intensity_*_Gray column; its feature columns are " + featureColumns);
            }
            return new FeatureColumns(trimmed, gray);
        }
        Set<String> named = new LinkedHashSet<>();
        for (String part : trimmed.split(",")) {
            if (!part.isBlank()) {
                named.add(part.trim());
            }
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("--features is empty: give gray-intensity, all or COL,...");
        }
        Set<String> known = new LinkedHashSet<>(Arrays.asList(schema.fieldNames()));
        List<String> unknown = named.stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--features: unknown column(s) " + unknown
                    + " (not in the cells table; use gray-intensity, all, or names from " + featureColumns + ")");
        }
        List<String> notFeatures = named.stream().filter(c -> !featureColumns.contains(c)).toList();
        if (!notFeatures.isEmpty()) {
            throw new IllegalArgumentException("--features: column(s) " + notFeatures
                    + " are annotation or non-numeric columns, not features");
        }
        return new FeatureColumns(trimmed, new ArrayList<>(named));
    }

    private static boolean isNumeric(DataType type) {
        return type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)
                || type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType);
    }
}
