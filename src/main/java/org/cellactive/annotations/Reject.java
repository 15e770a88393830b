package org.cellactive.annotations;

import java.io.Serializable;
import java.util.Objects;
import org.cellactive.reject.RejectedException;

/**
 * One row of the rejects table (see {@link RejectColumns}): a file, image or box that
 * could not be used, and why.
 *
 * @param file    the annotation file for parse errors, else the image path
 * @param imageId null when the file could not be read far enough to know it
 * @param cellId  null when a whole file or image failed
 * @param cellKey null exactly when imageId or cellId is null
 * @param stage   {@link RejectedException.Stage#label()}, e.g. {@code annotation}
 * @param reason  one line for a person, without the file name
 */
public record Reject(String file, String imageId, Integer cellId, String cellKey,
                     String stage, String reason) implements Serializable {

    public Reject {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    /** A reject whose cell key is derived from imageId and cellId when both are known. */
    public static Reject of(String file, String imageId, Integer cellId, RejectedException e) {
        return of(file, imageId, cellId, e.stage(), e.reason());
    }

    public static Reject of(String file, String imageId, Integer cellId,
                            RejectedException.Stage stage, String reason) {
        String key = imageId != null && cellId != null ? AnnotationColumns.cellKey(imageId, cellId) : null;
        return new Reject(file, imageId, cellId, key, stage.label(), reason);
    }

    /** A reject at stage {@code annotation}. */
    public static Reject annotation(String file, String imageId, Integer cellId, String reason) {
        return of(file, imageId, cellId, RejectedException.Stage.ANNOTATION, reason);
    }
}
