/**
 * Reading cell boxes: Pascal VOC XML folders ({@link org.cellactive.annotations.VocParser})
 * and CSV files ({@link org.cellactive.annotations.CsvAnnotationParser}) become the
 * annotation table, one row per box ({@link org.cellactive.annotations.AnnotationColumns}),
 * and the rejects of stage {@code annotation} ({@link org.cellactive.annotations.RejectColumns}).
 * {@link org.cellactive.annotations.AnnotationSource} is the only class that needs Spark at
 * run time; the parsers take bytes or a reader and are tested without it.
 *
 * <p>All input is treated as hostile: annotation files are size-capped and parsed without
 * DTDs or entities, and image names are confined to the images folder
 * ({@link org.cellactive.annotations.ImageLocator}).
 */
package org.cellactive.annotations;
