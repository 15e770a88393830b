package org.cellactive.segmentation;

import java.util.ArrayList;
import java.util.List;

/**
 * Found objects of one image matched to its true boxes, greedily by IoU: every pair at or above
 * the minimum IoU, best first; a pair is taken when neither side is taken yet (the rule of the
 * PASCAL VOC and COCO evaluations, without scores).
 *
 * @param matchedTruth for each true box, the index of its found object, or -1
 * @param matchedFound for each found object, the index of its true box, or -1
 * @param countedAs    for each found object, the class it is counted as: that of the true box it overlaps
 *                     best, when their IoU is at least {@link #COUNT_IOU}, else null. Looser than a match,
 *                     so a white cell split in two halves is counted twice, as a person counting the
 *                     objects would; a sliver of a red cell inside a white cell's box is not counted.
 */
public record ImageMatch(List<LabelledBox> truth, List<LabelledBox> found, int[] matchedTruth, int[] matchedFound,
                         String[] countedAs) {

    /** The IoU from which a found object counts as the class of the true box it overlaps best. */
    public static final double COUNT_IOU = 0.25;

    public static ImageMatch greedy(List<LabelledBox> truth, List<LabelledBox> found, double minIou) {
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            for (int f = 0; f < found.size(); f++) {
                double iou = truth.get(t).iou(found.get(f));
                if (iou >= minIou && iou > 0) {
                    pairs.add(new double[] {iou, t, f});
                }
            }
        }
        // Best first; ties in input order, so the result does not depend on the sort's stability.
        pairs.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
                : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
        int[] mt = new int[truth.size()];
        int[] mf = new int[found.size()];
        java.util.Arrays.fill(mt, -1);
        java.util.Arrays.fill(mf, -1);
        for (double[] p : pairs) {
            int t = (int) p[1];
            int f = (int) p[2];
            if (mt[t] < 0 && mf[f] < 0) {
                mt[t] = f;
                mf[f] = t;
            }
        }
        String[] counted = new String[found.size()];
        for (int f = 0; f < found.size(); f++) {
            LabelledBox o = found.get(f);
            double best = 0;
            for (LabelledBox t : truth) {
                double iou = t.iou(o);
                if (iou >= COUNT_IOU && iou > best) {
                    best = iou;
                    counted[f] = t.cellType();
                }
            }
        }
        return new ImageMatch(List.copyOf(truth), List.copyOf(found), mt, mf, counted);
    }

    public int truthOf(String cellType) {
        int n = 0;
        for (LabelledBox t : truth) {
            n += cellType.equals(t.cellType()) ? 1 : 0;
        }
        return n;
    }

    public int matchedOf(String cellType) {
        int n = 0;
        for (int t = 0; t < truth.size(); t++) {
            n += matchedTruth[t] >= 0 && cellType.equals(truth.get(t).cellType()) ? 1 : 0;
        }
        return n;
    }

    public int countedOf(String cellType) {
        int n = 0;
        for (String c : countedAs) {
            n += cellType.equals(c) ? 1 : 0;
        }
        return n;
    }

    public int matchedFoundCount() {
        int n = 0;
        for (int f : matchedFound) {
            n += f >= 0 ? 1 : 0;
        }
        return n;
    }
}
