package org.cellactive.segmentation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.ThresholdMethod;
import org.cellactive.testing.Bccd;

/**
 * Not a test: segments every BCCD image on one thread with the {@code segment} defaults (border
 * objects kept, as BCCD's boxes include them) and prints the scores, for tuning by hand; with
 * {@code -Dseg.figures=DIR} it also writes the overlays of the three worst images there, half size,
 * true boxes in red (docs/segmentation.md's figures).
 * {@code java -cp 'target/classes:target/test-classes:target/lib/*' org.cellactive.segmentation.BccdSegmentationProbe [declump] [min] [max] [otsu|li] [seed distance]}
 */
public final class BccdSegmentationProbe {
    public static void main(String[] args) throws Exception {
        Declump declump = args.length > 0 ? Declump.parse(args[0]) : SegmentationSettings.defaults().declump();
        double min = args.length > 1 ? Double.parseDouble(args[1]) : SegmentationSettings.DEFAULT_MIN_DIAMETER;
        double max = args.length > 2 ? Double.parseDouble(args[2]) : SegmentationSettings.DEFAULT_MAX_DIAMETER;
        ThresholdMethod th = args.length > 3 ? ThresholdMethod.parse(args[3]) : ThresholdMethod.LI;
        double seedDistance = args.length > 4 ? Double.parseDouble(args[4]) : SegmentationSettings.DEFAULT_SEED_DISTANCE;
        ImageSegmenter segmenter = new ImageSegmenter(new SegmentationSettings(min, max, th, declump, seedDistance, true));
        Map<String, List<LabelledBox>> truth = BccdTruth.read(Bccd.annotations(), Bccd.images());
        ImageDecoder decoder = new ImageDecoder(100_000_000L);
        SegmentationScore score = new SegmentationScore();
        long segNanos = 0;
        for (Map.Entry<String, List<LabelledBox>> e : truth.entrySet()) {
            RgbImage image = decoder.decode(Files.readAllBytes(Bccd.images().resolve(e.getKey() + ".jpg")), e.getKey());
            long t0 = System.nanoTime();
            ImageSegmenter.Segmentation seg = segmenter.segmentLabels(image);
            List<SegmentedObject> objects = seg.objects();
            segNanos += System.nanoTime() - t0;
            List<LabelledBox> found = new ArrayList<>();
            for (SegmentedObject o : objects) {
                found.add(new LabelledBox(null, o.xmin(), o.ymin(), o.xmax(), o.ymax()));
            }
            score.add(e.getKey(), ImageMatch.greedy(e.getValue(), found, 0.5));
        }
        System.out.println(score.summaryLine());
        String figures = System.getProperty("seg.figures");
        if (figures != null) {
            for (String id : score.worstImages(3)) {
                RgbImage image = decoder.decode(Files.readAllBytes(Bccd.images().resolve(id + ".jpg")), id);
                Files.write(Path.of(figures, id + ".png"),
                        SegmentationOverlay.png(image, segmenter.segmentLabels(image), truth.get(id), 2));
            }
        }
        System.out.printf("segment ms/image %.1f; WBC count MAE %.3f RBC count MAE %.2f; worst %s%n",
                segNanos / 1e6 / truth.size(), score.meanAbsoluteCountError("WBC"),
                score.meanAbsoluteCountError("RBC"), score.worstImages(5));
    }
}
