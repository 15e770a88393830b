package org.cellactive.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cellactive.synth.LabelledSlide;
import org.cellactive.synth.SlideAugmenter;
import org.cellactive.synth.SyntheticSmear;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synth}: a synthetic smear archive in the BCCD layout, for scale runs of
 * {@code extract} on archives far larger than BCCD. Deterministic for a seed.
 */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes a synthetic smear archive, for scale runs.",
            "N synthetic smear images (JPEG) and their Pascal VOC files go into",
            "(cartoon smears, or with --from BCCD_DIR new slides made from the real ones)",
            "OUT/JPEGImages and OUT/Annotations, the BCCD layout, for scale runs of extract."})
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Archive folder (any Hadoop path).")
    String out;

    @Option(names = "--images", defaultValue = "1000", description = "Number of images (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--width", defaultValue = "640", description = "Image width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "480", description = "Image height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--seed", defaultValue = "1", description = "Seed; image i uses seed + i (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "BCCD_DIR",
            description = "Make the images from real BCCD slides (flips, quarter turns, colour and brightness jitter,"
                    + " quadrant mosaics; boxes moved to match) instead of painting cartoon smears;"
                    + " --width and --height are then ignored.")
    java.nio.file.Path from;

    @Override
    public Integer call() throws IOException {
        if (images < 1 || width < 64 || height < 64) {
            return CliErrors.usage("synth", "--images must be >= 1 and --width/--height >= 64");
        }
        BccdSlides sources = from == null ? null : BccdSlides.in(from);
        long started = System.nanoTime();
        Configuration conf = new Configuration();
        Path root = new Path(out);
        FileSystem fs = root.getFileSystem(conf);
        // No hidden .crc file beside every image and annotation of a local archive.
        fs.setWriteChecksum(false);
        fs.mkdirs(new Path(root, "JPEGImages"));
        fs.mkdirs(new Path(root, "Annotations"));
        AtomicLong boxes = new AtomicLong();
        IntStream.range(0, images).parallel().forEach(i -> {
            if (sources != null) {
                String name = String.format(Locale.ROOT, "AugImage_%07d", i);
                LabelledSlide slide = SlideAugmenter.generate(sources.count(), sources::slide, seed + i);
                write(fs, new Path(root, "JPEGImages/" + name + ".jpg"), slide.jpeg());
                write(fs, new Path(root, "Annotations/" + name + ".xml"),
                        slide.vocXml(name + ".jpg").getBytes(StandardCharsets.UTF_8));
                boxes.addAndGet(slide.boxes().size());
                return;
            }
            String name = String.format(Locale.ROOT, "SynthImage_%07d", i);
            SyntheticSmear smear = SyntheticSmear.generate(name + ".jpg", width, height, seed + i);
            write(fs, new Path(root, "JPEGImages/" + name + ".jpg"), smear.jpeg());
            write(fs, new Path(root, "Annotations/" + name + ".xml"), smear.vocXml().getBytes(StandardCharsets.UTF_8));
            boxes.addAndGet(smear.cells().size());
        });
        System.out.printf(Locale.ROOT, "synth: %,d images, %,d boxes in %.1f s -> %s%n",
                images, boxes.get(), (System.nanoTime() - started) / 1e9, out);
        return 0;
    }

    private static void write(FileSystem fs, Path path, byte[] bytes) {
        try (OutputStream o = fs.create(path, true)) {
            o.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
