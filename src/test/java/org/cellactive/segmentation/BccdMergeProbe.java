package org.cellactive.segmentation;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.ThresholdMethod;
import org.cellactive.testing.Bccd;

/** Not a test: of the red-cell boxes missed, how large (against the image's matched red objects) is the object overlapping them best, by the true centres it holds. */
public final class BccdMergeProbe {
    public static void main(String[] args) throws Exception {
        ImageSegmenter segmenter = new ImageSegmenter(new SegmentationSettings(25, 300, ThresholdMethod.LI,
                Declump.SHAPE, SegmentationSettings.DEFAULT_SEED_DISTANCE, true));
        Map<String, List<LabelledBox>> truth = BccdTruth.read(Bccd.annotations(), Bccd.images());
        ImageDecoder decoder = new ImageDecoder(100_000_000L);
        int[][] hist = new int[4][8]; // centres 1,2,3,4+ x area ratio bins <0.5,<0.75,<1,<1.25,<1.5,<2,<3,>=3
        int[] stained = new int[4];
        for (Map.Entry<String, List<LabelledBox>> e : truth.entrySet()) {
            RgbImage image = decoder.decode(Files.readAllBytes(Bccd.images().resolve(e.getKey() + ".jpg")), e.getKey());
            List<SegmentedObject> objects = segmenter.segment(image);
            List<LabelledBox> found = new ArrayList<>();
            for (SegmentedObject o : objects) found.add(new LabelledBox(null, o.xmin(), o.ymin(), o.xmax(), o.ymax()));
            ImageMatch m = ImageMatch.greedy(e.getValue(), found, 0.5);
            List<Double> areas = new ArrayList<>();
            for (int t = 0; t < e.getValue().size(); t++) {
                if (m.matchedTruth()[t] >= 0 && "RBC".equals(e.getValue().get(t).cellType())) areas.add((double) objects.get(m.matchedTruth()[t]).area());
            }
            if (areas.size() < 3) continue;
            areas.sort(null);
            double typical = areas.get(areas.size() / 2);
            if (Boolean.getBoolean("seg.debug")) System.err.printf("%s matched typical %.0f%n", e.getKey(), typical);
            for (int t = 0; t < e.getValue().size(); t++) {
                LabelledBox tb = e.getValue().get(t);
                if (!"RBC".equals(tb.cellType()) || m.matchedTruth()[t] >= 0) continue;
                double best = 0; int bi = -1;
                for (int f = 0; f < found.size(); f++) { double iou = tb.iou(found.get(f)); if (iou > best) { best = iou; bi = f; } }
                if (bi < 0 || best < 0.1) continue;
                LabelledBox bf = found.get(bi);
                int centres = 0;
                for (LabelledBox o : e.getValue()) {
                    double cx = (o.xmin() + o.xmax()) / 2.0, cy = (o.ymin() + o.ymax()) / 2.0;
                    if (cx >= bf.xmin() && cx <= bf.xmax() && cy >= bf.ymin() && cy <= bf.ymax()) centres++;
                }
                if (centres == 0) continue;
                if (objects.get(bi).stained()) { stained[Math.min(4, centres) - 1]++; continue; }
                double r = objects.get(bi).area() / typical;
                double[] edges = {0.5, 0.75, 1, 1.25, 1.5, 2, 3};
                int b = 0; while (b < edges.length && r >= edges[b]) b++;
                hist[Math.min(4, centres) - 1][b]++;
            }
        }
        System.out.println("stained best object, by centres: " + java.util.Arrays.toString(stained));
        for (int c = 0; c < 4; c++) System.out.println("centres " + (c + 1) + (c == 3 ? "+" : "") + " area/typical [<.5,<.75,<1,<1.25,<1.5,<2,<3,>=3]: " + java.util.Arrays.toString(hist[c]));
    }
}
