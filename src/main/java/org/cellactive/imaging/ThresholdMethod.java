package org.cellactive.imaging;

import java.util.Locale;

/** How {@link CellSegmenter} picks the gray level that separates a cell from the background. */
public enum ThresholdMethod {
    /** Otsu's between-class variance, as scikit-image's {@code threshold_otsu}. */
    OTSU {
        @Override
        public double threshold(float[] values) {
            return Threshold.otsu(values);
        }

        @Override
        public double threshold(CellImage crop) {
            ByteLevels levels = crop.levels();
            return levels != null ? Threshold.otsuOfGrayCodes(levels.grayCodes()) : Threshold.otsu(crop.gray());
        }
    },
    /** Li's minimum cross-entropy, as scikit-image's {@code threshold_li}; CellProfiler's default. */
    LI {
        @Override
        public double threshold(float[] values) {
            return Threshold.li(values);
        }
    };

    public abstract double threshold(float[] values);

    /** The threshold of a crop's gray plane: the same value as {@code threshold(crop.gray())}. */
    public double threshold(CellImage crop) {
        return threshold(crop.gray());
    }

    /** Parses "otsu", "Otsu", "LI"... */
    public static ThresholdMethod parse(String text) {
        return ThresholdMethod.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
