package org.cellactive.annotations;

import java.io.Serializable;
import java.util.Objects;

/**
 * One annotated cell box: which image, which cell, its class (if known), and its
 * corners exactly as the annotation wrote them (Pascal VOC: 1-based, inclusive).
 * Corners are validated (non-negative, min &le; max) but not clipped: the crop stage
 * clips to the image and rejects zero-area boxes.
 *
 * @param imageId   image file name without extension, e.g. {@code BloodImage_00000}
 * @param cellId    0-based index of the box within its image, stable across rejects
 * @param cellType  class name, or null when the archive carries boxes without classes
 * @param imagePath qualified Hadoop path of the image (see {@link ImageLocator})
 */
public record CellBox(String imageId, int cellId, String cellType, String imagePath,
                      int xmin, int ymin, int xmax, int ymax) implements Serializable {

    public CellBox {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(imagePath, "imagePath");
        if (cellId < 0) {
            throw new IllegalArgumentException("cellId < 0: " + cellId);
        }
    }

    /** {@link AnnotationColumns#cellKey(String, int)} of this box, e.g. {@code BloodImage_00000_03}. */
    public String cellKey() {
        return AnnotationColumns.cellKey(imageId, cellId);
    }
}
