package org.cellactive.learning.labelling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.hadoop.conf.Configuration;
import org.cellactive.features.CellPipeline;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.PixelBox;
import org.cellactive.imaging.PngCrops;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.VocBox;
import org.cellactive.io.CappedRead;
import org.cellactive.learning.ledger.QueryItem;
import org.cellactive.reject.RejectedException;

/**
 * Crops of a query batch, with context, for the labelling page. Runs on the driver: a
 * batch is a few dozen cells, so it reads each of their images once through the Hadoop
 * FileSystem of its {@code image_path} (local, HDFS, S3, ...: {@link CappedRead}) and decodes
 * and crops it with the {@link CellPipeline} that extraction uses; distinct images may be
 * decoded in parallel on a {@link DriverWork} pool. An image that cannot be
 * read gives a cell without a crop and the reason, never a failed round.
 */
public final class BatchCrops {
    /** Larger files are refused before they are read: no smear image is this big. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private final Configuration hadoop;
    private final CellPipeline pipeline;

    public BatchCrops(Configuration hadoop, long maxImagePixels) {
        this.hadoop = hadoop;
        this.pipeline = CellPipeline.cropping(new ImageDecoder(maxImagePixels));
    }

    /** One crop per cell, keyed by cell key, in batch order; images one after another on this thread. */
    public Map<String, Result> crops(List<BatchCell> cells) {
        return DriverWork.join(start(cells, Runnable::run));
    }

    /**
     * One crop per cell, keyed by cell key, in batch order. Each distinct image is one task on
     * {@code executor}: it is read and decoded once, and all its cells are cropped and encoded
     * from it. The result does not depend on the executor.
     */
    public CompletableFuture<Map<String, Result>> start(List<BatchCell> cells, Executor executor) {
        Map<String, List<BatchCell>> byImage = new LinkedHashMap<>();
        for (BatchCell c : cells) {
            byImage.computeIfAbsent(c.imagePath(), p -> new ArrayList<>()).add(c);
        }
        List<CompletableFuture<Map<String, Result>>> images = new ArrayList<>();
        for (Map.Entry<String, List<BatchCell>> e : byImage.entrySet()) {
            images.add(CompletableFuture.supplyAsync(() -> cropImage(e.getKey(), e.getValue()), executor));
        }
        return CompletableFuture.allOf(images.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            Map<String, Result> out = new HashMap<>();
            images.forEach(f -> out.putAll(f.join()));
            Map<String, Result> ordered = new LinkedHashMap<>();
            for (BatchCell c : cells) {
                ordered.put(c.cellKey(), out.get(c.cellKey()));
            }
            return ordered;
        });
    }

    /** The crops of one image's cells; the reason for each when the image cannot be read. */
    private Map<String, Result> cropImage(String imagePath, List<BatchCell> cells) {
        RgbImage image = null;
        String problem = null;
        try {
            image = pipeline.decode(CappedRead.bytes(imagePath, hadoop, MAX_FILE_BYTES), imagePath);
        } catch (IOException | RejectedException | RuntimeException ex) {
            problem = imagePath + ": " + ex.getMessage();
        }
        Map<String, Result> out = new HashMap<>();
        for (BatchCell c : cells) {
            out.put(c.cellKey(), image == null ? new Result(null, problem) : crop(pipeline, image, c));
        }
        return out;
    }

    /** The box grown by half its larger side (at least 16 px) on every side, clipped to the image. */
    static Result crop(CellPipeline pipeline, RgbImage image, BatchCell c) {
        try {
            VocBox voc = new VocBox(c.xmin(), c.ymin(), c.xmax(), c.ymax());
            PixelBox box = voc.in(image);
            int margin = Math.max(16, Math.max(box.width(), box.height()) / 2);
            CellPipeline.CroppedBox cropped = pipeline.context(image, voc, margin);
            PixelBox context = cropped.context();
            byte[] png = PngCrops.toPng(cropped.crop());
            return new Result(new QueryItem.ContextCrop(png, context.width(), context.height(),
                    box.x0() - context.x0(), box.y0() - context.y0(),
                    box.x1() - context.x0(), box.y1() - context.y0()), null);
        } catch (RejectedException e) {
            return new Result(null, "box: " + e.getMessage());
        }
    }

    /** A crop, or why there is none. */
    public record Result(QueryItem.ContextCrop crop, String problem) {
    }
}
