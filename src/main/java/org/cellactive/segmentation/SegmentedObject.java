package org.cellactive.segmentation;

/**
 * One object found in a whole image: its bounding box in VOC convention (1-based, inclusive, as
 * the annotation columns hold boxes), its pixel count, whether it touches the image border, and
 * whether it was found by its stained nucleus (white cells, platelets) rather than as dark
 * cytoplasm (red cells). The kind is a hint of how it was found, not a class label.
 */
public record SegmentedObject(int xmin, int ymin, int xmax, int ymax, int area, boolean touchesBorder,
                              boolean stained) {
}
