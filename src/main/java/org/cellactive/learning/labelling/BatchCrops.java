package org.cellactive.learning.labelling;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * and crops it with the {@link CellPipeline} that extraction uses. An image that cannot be
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

    /** One crop per cell, keyed by cell key, in batch order. */
    public Map<String, Result> crops(List<BatchCell> cells) {
        Map<String, List<BatchCell>> byImage = new LinkedHashMap<>();
        for (BatchCell c : cells) {
            byImage.computeIfAbsent(c.imagePath(), p -> new java.util.ArrayList<>()).add(c);
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<BatchCell>> e : byImage.entrySet()) {
            RgbImage image = null;
            String problem = null;
            try {
                image = pipeline.decode(CappedRead.bytes(e.getKey(), hadoop, MAX_FILE_BYTES), e.getKey());
            } catch (IOException | RejectedException | RuntimeException ex) {
                problem = e.getKey() + ": " + ex.getMessage();
            }
            for (BatchCell c : e.getValue()) {
                out.put(c.cellKey(), image == null ? new Result(null, problem) : crop(pipeline, image, c));
            }
        }
        Map<String, Result> ordered = new LinkedHashMap<>();
        for (BatchCell c : cells) {
            ordered.put(c.cellKey(), out.get(c.cellKey()));
        }
        return ordered;
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
