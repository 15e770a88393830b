package org.cellactive.segmentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recall per class, precision, and count errors of a segmentation over many images, from their
 * {@link ImageMatch}es.
 */
public final class SegmentationScore {
    public static final List<String> CLASSES = List.of("RBC", "WBC", "Platelets");

    private final Map<String, ImageMatch> images = new LinkedHashMap<>();

    public void add(String imageId, ImageMatch match) {
        images.put(imageId, match);
    }

    public Map<String, ImageMatch> images() {
        return images;
    }

    public double recall(String cellType) {
        long truth = 0;
        long matched = 0;
        for (ImageMatch m : images.values()) {
            truth += m.truthOf(cellType);
            matched += m.matchedOf(cellType);
        }
        return truth == 0 ? Double.NaN : (double) matched / truth;
    }

    /** Found objects matched to any true box, over all found. */
    public double precision() {
        long found = 0;
        long matched = 0;
        for (ImageMatch m : images.values()) {
            found += m.found().size();
            matched += m.matchedFoundCount();
        }
        return found == 0 ? Double.NaN : (double) matched / found;
    }

    /** Mean over images of |objects found - true boxes|. */
    public double meanAbsoluteCountError() {
        double sum = 0;
        for (ImageMatch m : images.values()) {
            sum += Math.abs(m.found().size() - m.truth().size());
        }
        return images.isEmpty() ? Double.NaN : sum / images.size();
    }

    /** Mean over images of |objects counted as the class - true boxes of the class| ({@link ImageMatch#countedAs}). */
    public double meanAbsoluteCountError(String cellType) {
        double sum = 0;
        for (ImageMatch m : images.values()) {
            sum += Math.abs(m.countedOf(cellType) - m.truthOf(cellType));
        }
        return images.isEmpty() ? Double.NaN : sum / images.size();
    }

    /** Share of images where the objects counted as the class equal its true boxes. */
    public double exactCountShare(String cellType) {
        long exact = 0;
        for (ImageMatch m : images.values()) {
            exact += m.countedOf(cellType) == m.truthOf(cellType) ? 1 : 0;
        }
        return images.isEmpty() ? Double.NaN : (double) exact / images.size();
    }

    /** Image ids, worst first: most true boxes missed plus objects matching nothing. */
    public List<String> worstImages(int k) {
        List<String> ids = new ArrayList<>(images.keySet());
        ids.sort((a, b) -> {
            int c = Integer.compare(errors(images.get(b)), errors(images.get(a)));
            return c != 0 ? c : a.compareTo(b);
        });
        return ids.subList(0, Math.min(k, ids.size()));
    }

    static int errors(ImageMatch m) {
        int missed = 0;
        for (int t : m.matchedTruth()) {
            missed += t < 0 ? 1 : 0;
        }
        return missed + (m.found().size() - m.matchedFoundCount());
    }

    /** The one stdout line of evaluate-segmentation. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "evaluate-segmentation: recall RBC=%.3f WBC=%.3f Platelets=%.3f precision=%.3f"
                        + " images=%d wbc_count_exact=%.3f count_mae=%.2f",
                recall("RBC"), recall("WBC"), recall("Platelets"), precision(), images.size(), exactCountShare("WBC"),
                meanAbsoluteCountError());
    }
}
