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
import org.cellactive.features.CellMeasurer;
import org.cellactive.features.CellOutcome;
import org.cellactive.features.CellPipeline;
import org.cellactive.features.FeatureFamilies;
import org.cellactive.features.FeatureOptions;
import org.cellactive.features.family.MeasurementFamily;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.VocBox;
import org.cellactive.reject.RejectedException;

/**
 * Single-thread cost of each part of extraction on a VOC folder, without Spark and
 * without I/O: every image file is read into memory first. Every phase goes through the
 * {@link CellPipeline} the feature stage runs; "full" is exactly its work per image. Each phase runs
 * {@code runs} times and the median is kept, because these machines are shared.
 */
public final class ExtractionBenchmark {
    private final List<byte[]> images = new ArrayList<>();
    private final List<List<VocBox>> boxes = new ArrayList<>();
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
            List<VocBox> corners = new ArrayList<>();
            for (CellBox b : parsed.boxes()) {
                corners.add(new VocBox(b.xmin(), b.ymin(), b.xmax(), b.ymax()));
            }
            boxes.add(corners);
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
        CellPipeline pipeline = new CellPipeline(decoder, new CellMeasurer(options));
        time("decode", () -> {
            for (byte[] image : images) {
                pipeline.decode(image, "bench");
            }
        });
        List<CellImage> crops = new ArrayList<>();
        List<ObjectMask> masks = new ArrayList<>();
        time("decode+crop+segment", () -> {
            crops.clear();
            masks.clear();
            for (int i = 0; i < images.size(); i++) {
                RgbImage image = pipeline.decode(images.get(i), "bench");
                for (VocBox b : boxes.get(i)) {
                    try {
                        CellPipeline.FoundCell cell = pipeline.find(image, b);
                        crops.add(cell.crop());
                        masks.add(cell.mask());
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
        // The pipeline's own outcomes, the feature stage's work per image: with CellMeasurer's
        // finiteness check and its reject handling, which the family phases leave out.
        long[] measured = new long[1];
        time("full: decode+crop+segment+all families", () -> {
            measured[0] = 0;
            for (int i = 0; i < images.size(); i++) {
                for (CellOutcome outcome : pipeline.measure(images.get(i), "bench", boxes.get(i))) {
                    measured[0] += outcome instanceof CellOutcome.Measured ? 1 : 0;
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
