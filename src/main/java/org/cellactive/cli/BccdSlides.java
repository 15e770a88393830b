package org.cellactive.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cellactive.annotations.CellBox;
import org.cellactive.annotations.ImageLocator;
import org.cellactive.annotations.ParsedAnnotations;
import org.cellactive.annotations.VocParser;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.reject.RejectedException;
import org.cellactive.imaging.RgbImage;
import org.cellactive.synth.LabelledSlide;

/**
 * The real slides {@code synth --from} starts from: a BCCD-layout folder (Annotations/ and
 * JPEGImages/, or a BCCD/ folder holding them), read one slide at a time, since an archive of
 * 20,000 images decodes each source many times and must not hold them all.
 */
final class BccdSlides {
    private final Path annotations;
    private final String imagesDir;
    private final List<Path> files;

    private BccdSlides(Path annotations, Path images, List<Path> files) {
        this.annotations = annotations;
        this.imagesDir = images.toString();
        this.files = files;
    }

    static BccdSlides in(Path dir) throws IOException {
        Path root = Files.isDirectory(dir.resolve("BCCD")) ? dir.resolve("BCCD") : dir;
        Path annotations = root.resolve("Annotations");
        Path images = root.resolve("JPEGImages");
        if (!Files.isDirectory(annotations) || !Files.isDirectory(images)) {
            throw new InputException("--from " + dir + ": no BCCD layout (Annotations/ and JPEGImages/)");
        }
        try (Stream<Path> xml = Files.list(annotations)) {
            List<Path> files = xml.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
            if (files.isEmpty()) {
                throw new InputException("--from " + dir + ": Annotations/ holds no .xml file");
            }
            return new BccdSlides(annotations, images, files);
        }
    }

    int count() {
        return files.size();
    }

    /** Slide {@code i}: its decoded pixels and boxes. */
    LabelledSlide slide(int i) {
        try {
            Path xml = files.get(i);
            ParsedAnnotations parsed = new VocParser().parse(Files.readAllBytes(xml), xml.toString(),
                    new ImageLocator(imagesDir));
            if (parsed.boxes().isEmpty()) {
                throw new InputException(xml + ": no usable box (" + parsed.rejects() + ")");
            }
            String imagePath = parsed.boxes().get(0).imagePath();
            RgbImage image = new ImageDecoder(100_000_000L).decode(
                    Files.readAllBytes(Path.of(new org.apache.hadoop.fs.Path(imagePath).toUri().getPath())), imagePath);
            int[] rgb = new int[image.width() * image.height()];
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    rgb[y * image.width() + x] = image.rgbAt(x, y);
                }
            }
            List<LabelledSlide.Box> boxes = new ArrayList<>();
            for (CellBox b : parsed.boxes()) {
                boxes.add(new LabelledSlide.Box(b.cellType() == null ? "cell" : b.cellType(),
                        b.xmin(), b.ymin(), b.xmax(), b.ymax()));
            }
            return new LabelledSlide(image.width(), image.height(), rgb, boxes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RejectedException e) {
            throw new InputException(files.get(i) + ": its image cannot be decoded: " + e.getMessage(), e);
        }
    }
}
