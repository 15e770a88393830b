package org.cellactive.segmentation;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.ThresholdMethod;
import org.cellactive.testing.Bccd;

/** Not a test: why true boxes are missed (diagnostics for tuning by hand). */
public final class BccdMissProbe {
    public static void main(String[] args) throws Exception {
        ImageSegmenter segmenter = new ImageSegmenter(new SegmentationSettings(25, 300, ThresholdMethod.LI,
                Declump.SHAPE, SegmentationSettings.DEFAULT_SEED_DISTANCE, true));
        Map<String, List<LabelledBox>> truth = BccdTruth.read(Bccd.annotations(), Bccd.images());
        ImageDecoder decoder = new ImageDecoder(100_000_000L);
        int[] pads = {0, 2, 4, 6, 8, 10};
        SegmentationScore[] padded = new SegmentationScore[pads.length];
        for (int p = 0; p < pads.length; p++) padded[p] = new SegmentationScore();
        String[] classes = {"RBC", "WBC", "Platelets"};
        int[][] bins = new int[3][6]; // best IoU of missed: 0, <.1, <.2, <.3, <.4, <.5
        int[][] kind = new int[3][4]; // missed with best IoU>=.25: found bigger (merge), found smaller (split), border truth, other
        double[][] offs = new double[3][5]; // matched: mean (f.xmin - t.xmin), (t.xmax - f.xmax), ... n
        int borderTruth = 0, borderMissed = 0; int stainedBest = 0; int[] centreHist = new int[5];
        for (Map.Entry<String, List<LabelledBox>> e : truth.entrySet()) {
            RgbImage image = decoder.decode(Files.readAllBytes(Bccd.images().resolve(e.getKey() + ".jpg")), e.getKey());
            List<SegmentedObject> objects = segmenter.segment(image);
            for (int p = 0; p < pads.length; p++) {
                int d = pads[p];
                List<LabelledBox> found = new ArrayList<>();
                for (SegmentedObject o : objects) {
                    found.add(new LabelledBox(null, Math.max(1, o.xmin() - d), Math.max(1, o.ymin() - d),
                            Math.min(image.width(), o.xmax() + d), Math.min(image.height(), o.ymax() + d)));
                }
                ImageMatch m = ImageMatch.greedy(e.getValue(), found, 0.5);
                padded[p].add(e.getKey(), m);
                if (d != 0) continue;
                for (int t = 0; t < e.getValue().size(); t++) {
                    LabelledBox tb = e.getValue().get(t);
                    int c = java.util.Arrays.asList(classes).indexOf(tb.cellType());
                    boolean border = tb.xmin() <= 2 || tb.ymin() <= 2 || tb.xmax() >= image.width() - 1 || tb.ymax() >= image.height() - 1;
                    if (c == 0 && border) borderTruth++;
                    if (m.matchedTruth()[t] >= 0) {
                        LabelledBox f = found.get(m.matchedTruth()[t]);
                        offs[c][0] += f.xmin() - tb.xmin();
                        offs[c][1] += tb.xmax() - f.xmax();
                        offs[c][2] += f.ymin() - tb.ymin();
                        offs[c][3] += tb.ymax() - f.ymax();
                        offs[c][4]++;
                        continue;
                    }
                    if (c == 0 && border) borderMissed++;
                    double best = 0; LabelledBox bf = null;
                    for (LabelledBox f : found) { double iou = tb.iou(f); if (iou > best) { best = iou; bf = f; } }
                    int b = best == 0 ? 0 : 1 + (int) Math.min(4, best * 10);
                    if (c == 2 && best < 0.1) {
                        byte[] G = image.channel(org.cellactive.imaging.Channel.GREEN);
                        byte[] B = image.channel(org.cellactive.imaging.Channel.BLUE);
                        int mx = 0;
                        for (int y = tb.ymin() - 1; y < tb.ymax(); y++) for (int x = tb.xmin() - 1; x < tb.xmax(); x++) {
                            int i = y * image.width() + x;
                            if (i >= 0 && i < G.length) mx = Math.max(mx, (B[i] & 0xff) - (G[i] & 0xff));
                        }
                        System.out.println("platelet missed " + e.getKey() + " " + tb + " max b-g " + mx + " best iou " + String.format("%.2f", best));
                    }
                    bins[c][b]++;
                    if (bf != null && best >= 0.1 && c == 0) {
                        SegmentedObject so = objects.get(found.indexOf(bf));
                        if (so.stained()) stainedBest++;
                        int centres = 0;
                        for (LabelledBox o : e.getValue()) {
                            double cx = (o.xmin() + o.xmax()) / 2.0, cy = (o.ymin() + o.ymax()) / 2.0;
                            if (cx >= bf.xmin() && cx <= bf.xmax() && cy >= bf.ymin() && cy <= bf.ymax()) centres++;
                        }
                        centreHist[Math.min(4, centres)]++;
                    }
                    if (best >= 0.25) {
                        if (border) kind[c][2]++;
                        else if (bf.area() > tb.area()) kind[c][0]++;
                        else kind[c][1]++;
                    }
                }
            }
        }
        for (int p = 0; p < pads.length; p++) {
            System.out.println("pad " + pads[p] + ": " + padded[p].summaryLine());
        }
        for (int c = 0; c < 3; c++) {
            System.out.printf("%s missed best-IoU bins [0, <.1, <.2, <.3, <.4, <.5]: %s; >=.25: found bigger %d, smaller %d, border %d%n",
                    classes[c], java.util.Arrays.toString(bins[c]), kind[c][0], kind[c][1], kind[c][2]);
            double n = offs[c][4];
            System.out.printf("%s matched n=%.0f mean inset: left %.1f right %.1f top %.1f bottom %.1f%n", classes[c], n,
                    offs[c][0] / n, offs[c][1] / n, offs[c][2] / n, offs[c][3] / n);
        }
        System.out.println("RBC missed, best object stained: " + stainedBest + "; true centres in best object 0..4+: " + java.util.Arrays.toString(centreHist));
        System.out.println("RBC truth at border " + borderTruth + ", missed " + borderMissed);
    }
}
