/**
 * Finding every cell in a whole slide image, as CellProfiler's IdentifyPrimaryObjects does, in pure
 * Java (no Spark): smoothing, a global threshold, filled holes, declumping by shape or intensity
 * with a seeded watershed, size limits and border objects; plus colour, so a white cell is found
 * whole (nucleus and cytoplasm). {@link org.cellactive.segmentation.ImageSegmenter} is the entry.
 */
package org.cellactive.segmentation;
