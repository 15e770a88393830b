package org.cellactive.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cellactive.annotations.CellBox;
import org.cellactive.annotations.ImageLocator;
import org.cellactive.annotations.ParsedAnnotations;
import org.cellactive.annotations.VocParser;
import org.cellactive.features.FeatureFamilies;
import org.cellactive.features.FeatureOptions;
import org.cellactive.features.MeasurementFamily;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.CellSegmenter;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.PixelBox;
import org.cellactive.imaging.RejectedException;
import org.cellactive.imaging.RgbImage;

/**
 * Single-thread cost of each part of extraction on a VOC folder, without Spark and
 * without I/O: every image file is read into memory first. Each phase runs
 * {@code runs} times and the median is kept, because these machines are shared.
 */
public final class ExtractionBenchmark {
    private final List<byte[]> images = new ArrayList<>();
    private final List<List<CellBox>> boxes = new ArrayList<>();
    private final ImageDecoder decoder = new ImageDecoder(100_000_000L);
    private final int runs;
    private int cellCount;

    /** Phase name to the median seconds of one pass over all images. */
    private final Map<String, Double> medians = new LinkedHashMap<>();

    public ExtractionBenchmark(Path annotations, Path imagesDir, int limitImages, int runs) throws IOException {
        this.runs = runs;
        ImageLocator locator = new ImageLocator(imagesDir.toAbsolutePath().toString());
        List<Path> files;
        try (Stream<Path> list = Files.list(annotations)) {
            files = list.filter(p -> p.toString().endsWith(".xml")).sorted().limit(limitImages).toList();
        }
        VocParser parser = new VocParser();
        for (Path file : files) {
            ParsedAnnotations parsed = parser.parse(Files.readAllBytes(file), file.toString(), locator);
            if (parsed.boxes().isEmpty()) {
                continue;
            }
            images.add(Files.readAllBytes(Path.of(
                    new org.apache.hadoop.fs.Path(parsed.boxes().get(0).imagePath()).toUri().getPath())));
            boxes.add(parsed.boxes());
            cellCount += parsed.boxes().size();
        }
    }

    public int cellCount() {
        return cellCount;
    }

    public int imageCount() {
        return images.size();
    }

    /** Runs every phase; returns phase name to median seconds per pass over all cells. */
    public Map<String, Double> run(FeatureOptions options) throws RejectedException {
        List<MeasurementFamily> families = FeatureFamilies.build(options);
        CellSegmenter segmenter = new CellSegmenter(options.threshold());
        time("decode", () -> {
            for (byte[] image : images) {
                decoder.decode(image, "bench");
            }
        });
        List<CellImage> crops = new ArrayList<>();
        List<ObjectMask> masks = new ArrayList<>();
        time("decode+crop+segment", () -> {
            crops.clear();
            masks.clear();
            for (int i = 0; i < images.size(); i++) {
                RgbImage image = decoder.decode(images.get(i), "bench");
                for (CellBox b : boxes.get(i)) {
                    try {
                        CellImage crop = image.crop(PixelBox.fromVoc(b.xmin(), b.ymin(), b.xmax(), b.ymax(),
                                image.width(), image.height()));
                        masks.add(segmenter.segment(crop));
                        crops.add(crop);
                    } catch (RejectedException e) {
                        // zero-area boxes: the same ones extract rejects
                    }
                }
            }
        });
        for (MeasurementFamily family : families) {
            double[] out = new double[family.columns().size()];
            time("family " + family.name() + " (" + family.columns().size() + " columns)", () -> {
                for (int i = 0; i < crops.size(); i++) {
                    family.measure(crops.get(i), masks.get(i), out, 0);
                }
            });
        }
        int total = families.stream().mapToInt(f -> f.columns().size()).sum();
        double[] out = new double[total];
        time("full: decode+crop+segment+all families", () -> {
            for (int i = 0; i < images.size(); i++) {
                RgbImage image = decoder.decode(images.get(i), "bench");
                for (CellBox b : boxes.get(i)) {
                    try {
                        CellImage crop = image.crop(PixelBox.fromVoc(b.xmin(), b.ymin(), b.xmax(), b.ymax(),
                                image.width(), image.height()));
                        ObjectMask mask = segmenter.segment(crop);
                        int offset = 0;
                        for (MeasurementFamily family : families) {
                            family.measure(crop, mask, out, offset);
                            offset += family.columns().size();
                        }
                    } catch (RejectedException e) {
                        // as above
                    }
                }
            }
        });
        return medians;
    }

    private interface Phase {
        void run() throws RejectedException;
    }

    private void time(String name, Phase phase) throws RejectedException {
        phase.run(); // warm-up: JIT, class loading
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            phase.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        medians.put(name, seconds[runs / 2]);
    }
}
