package org.cellactive.segmentation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.ThresholdMethod;
import org.cellactive.testing.Bccd;

/** Not a test: full-size overlays of the named images into a folder. Args: DIR id... */
public final class BccdOverlayProbe {
    public static void main(String[] args) throws Exception {
        ImageSegmenter segmenter = new ImageSegmenter(new SegmentationSettings(25, 300, ThresholdMethod.LI,
                Declump.SHAPE, SegmentationSettings.DEFAULT_SEED_DISTANCE, true));
        Map<String, List<LabelledBox>> truth = BccdTruth.read(Bccd.annotations(), Bccd.images());
        ImageDecoder decoder = new ImageDecoder(100_000_000L);
        for (int a = 1; a < args.length; a++) {
            String id = args[a];
            RgbImage image = decoder.decode(Files.readAllBytes(Bccd.images().resolve(id + ".jpg")), id);
            Files.write(Path.of(args[0], id + ".png"),
                    SegmentationOverlay.png(image, segmenter.segmentLabels(image), truth.get(id), 1));
        }
    }
}
