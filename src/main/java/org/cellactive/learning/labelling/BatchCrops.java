package org.cellactive.learning.labelling;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.PixelBox;
import org.cellactive.imaging.PngCrops;
import org.cellactive.imaging.RejectedException;
import org.cellactive.imaging.RgbImage;
import org.cellactive.learning.ledger.QueryItem;

/**
 * Crops of a query batch, with context, for the labelling page. Runs on the driver: a
 * batch is a few dozen cells, so it reads each of their images once through the Hadoop
 * FileSystem of its {@code image_path} (local, HDFS, S3, ...). An image that cannot be
 * read gives a cell without a crop and the reason, never a failed round.
 */
public final class BatchCrops {
    /** Larger files are refused before they are read: no smear image is this big. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private final Configuration hadoop;
    private final ImageDecoder decoder;

    public BatchCrops(Configuration hadoop, long maxImagePixels) {
        this.hadoop = hadoop;
        this.decoder = new ImageDecoder(maxImagePixels);
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
                image = decoder.decode(read(e.getKey()), e.getKey());
            } catch (IOException | RejectedException | RuntimeException ex) {
                problem = e.getKey() + ": " + ex.getMessage();
            }
            for (BatchCell c : e.getValue()) {
                out.put(c.cellKey(), image == null ? new Result(null, problem) : crop(image, c));
            }
        }
        Map<String, Result> ordered = new LinkedHashMap<>();
        for (BatchCell c : cells) {
            ordered.put(c.cellKey(), out.get(c.cellKey()));
        }
        return ordered;
    }

    /** The box grown by half its larger side (at least 16 px) on every side, clipped to the image. */
    static Result crop(RgbImage image, BatchCell c) {
        try {
            PixelBox box = PixelBox.fromVoc(c.xmin(), c.ymin(), c.xmax(), c.ymax(), image.width(), image.height());
            int margin = Math.max(16, Math.max(box.width(), box.height()) / 2);
            PixelBox context = box.expand(margin, image.width(), image.height());
            byte[] png = PngCrops.toPng(image.crop(context));
            return new Result(new QueryItem.ContextCrop(png, context.width(), context.height(),
                    box.x0() - context.x0(), box.y0() - context.y0(),
                    box.x1() - context.x0(), box.y1() - context.y0()), null);
        } catch (RejectedException e) {
            return new Result(null, "box: " + e.getMessage());
        }
    }

    private byte[] read(String imagePath) throws IOException {
        Path path = new Path(imagePath);
        FileSystem fs = path.getFileSystem(hadoop);
        long length = fs.getFileStatus(path).getLen();
        if (length > MAX_FILE_BYTES) {
            throw new IOException("file of " + length + " bytes is larger than " + MAX_FILE_BYTES);
        }
        try (InputStream in = fs.open(path)) {
            return in.readNBytes((int) length);
        }
    }

    /** A crop, or why there is none. */
    public record Result(QueryItem.ContextCrop crop, String problem) {
    }
}
