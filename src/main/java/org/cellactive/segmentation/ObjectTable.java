package org.cellactive.segmentation;

import java.util.ArrayList;
import java.util.List;

/** Boxes, areas and border contact of labelled objects, with the size and border rules applied. */
final class ObjectTable {
    private ObjectTable() {
    }

    /**
     * @param labels    binned label image; labels 1..redCount found as dark cells, redCount+1..total stained
     * @param bin       binned pixel side, in image pixels
     * @param imageW    the image's width (boxes are clipped to it)
     */
    static ImageSegmenter.Segmentation of(int[] labels, int redCount, int total, int w, int h, int bin,
                                          int imageW, int imageH, SegmentationSettings settings) {
        int[] x0 = new int[total + 1];
        int[] y0 = new int[total + 1];
        int[] x1 = new int[total + 1];
        int[] y1 = new int[total + 1];
        int[] area = new int[total + 1];
        boolean[] border = new boolean[total + 1];
        java.util.Arrays.fill(x0, Integer.MAX_VALUE);
        java.util.Arrays.fill(y0, Integer.MAX_VALUE);
        java.util.Arrays.fill(x1, -1);
        java.util.Arrays.fill(y1, -1);
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                int l = labels[i];
                if (l <= 0) {
                    continue;
                }
                area[l]++;
                if (x < x0[l]) x0[l] = x;
                if (x > x1[l]) x1[l] = x;
                if (y < y0[l]) y0[l] = y;
                if (y > y1[l]) y1[l] = y;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    border[l] = true;
                }
            }
        }
        double pixelArea = (double) bin * bin;
        double minArea = Math.PI / 4 * settings.minDiameter() * settings.minDiameter();
        double maxArea = Math.PI / 4 * settings.maxDiameter() * settings.maxDiameter();
        List<SegmentedObject> objects = new ArrayList<>();
        int[] keptAs = new int[total + 1];
        for (int l = 1; l <= total; l++) {
            double a = area[l] * pixelArea;
            if (area[l] == 0 || a < minArea || a > maxArea || (border[l] && !settings.keepBorder())) {
                continue;
            }
            // A binned pixel (x, y) covers image pixels [x*bin, (x+1)*bin): VOC corners are 1-based, inclusive.
            int pad = l > redCount ? ImageSegmenter.BOX_PAD : ImageSegmenter.RED_BOX_PAD;
            int xmax = x1[l] == w - 1 ? imageW : Math.min(imageW, (x1[l] + 1) * bin + pad);
            int ymax = y1[l] == h - 1 ? imageH : Math.min(imageH, (y1[l] + 1) * bin + pad);
            objects.add(new SegmentedObject(Math.max(1, x0[l] * bin + 1 - pad), Math.max(1, y0[l] * bin + 1 - pad), xmax, ymax,
                    (int) Math.round(a), border[l], l > redCount));
            keptAs[l] = objects.size();
        }
        int[] kept = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            kept[i] = labels[i] > 0 ? keptAs[labels[i]] : 0;
        }
        return new ImageSegmenter.Segmentation(objects, kept, w, h, bin);
    }
}
