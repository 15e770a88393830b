package org.cellactive.segmentation.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.features.CellPipeline;
import org.cellactive.imaging.RgbImage;
import org.cellactive.io.CappedRead;
import org.cellactive.io.HadoopSettings;
import org.cellactive.reject.RejectedException;
import org.cellactive.segmentation.ImageSegmenter;
import org.cellactive.segmentation.SegmentationOverlay;
import org.cellactive.segmentation.SegmentedObject;

/**
 * The body of the segment stage, run on executors: each image file is read through Hadoop
 * ({@link CappedRead}), decoded by the {@link CellPipeline}, and segmented; every object becomes a
 * row of {@link SegmentStage#OUTCOME}, and a file that cannot be read or decoded one reject row.
 * Images are handled one at a time, lazily, so a task holds one image's rows.
 */
final class ImagePartitionSegmenter implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final CellPipeline pipeline;
    /** Null: decode only (benchmark-segment's baseline). */
    private final ImageSegmenter segmenter;
    private final long maxFileBytes;
    private final Broadcast<HadoopSettings> hadoop;
    private final String overlaysDir;
    private final LongAccumulator imagesDone;
    private final LongAccumulator imagesEmpty;

    ImagePartitionSegmenter(CellPipeline pipeline, ImageSegmenter segmenter, long maxFileBytes,
                            Broadcast<HadoopSettings> hadoop, String overlaysDir, LongAccumulator imagesDone,
                            LongAccumulator imagesEmpty) {
        this.pipeline = pipeline;
        this.segmenter = segmenter;
        this.maxFileBytes = maxFileBytes;
        this.hadoop = hadoop;
        this.overlaysDir = overlaysDir;
        this.imagesDone = imagesDone;
        this.imagesEmpty = imagesEmpty;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        Configuration conf = hadoop.value().configuration();
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && files.hasNext()) {
                    current = segment(files.next().getString(0), conf).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private List<Row> segment(String path, Configuration conf) {
        String imageId = imageId(path);
        List<Row> rows = new ArrayList<>();
        try {
            RgbImage image = pipeline.decode(CappedRead.image(path, conf, maxFileBytes), path);
            if (segmenter == null) {
                imagesDone.add(1);
                return rows; // decoding alone, for the benchmark's baseline
            }
            ImageSegmenter.Segmentation s;
            try {
                s = segmenter.segmentLabels(image);
            } catch (RuntimeException e) {
                throw new RejectedException(RejectedException.Stage.SEGMENT, "segmentation failed: " + e, e);
            }
            int cellId = 0;
            for (SegmentedObject o : s.objects()) {
                rows.add(RowFactory.create(imageId, cellId, null, path, o.xmin(), o.ymin(), o.xmax(), o.ymax(),
                        AnnotationColumns.cellKey(imageId, cellId), o.area(), o.touchesBorder(), null, null));
                cellId++;
            }
            if (s.objects().isEmpty()) {
                imagesEmpty.add(1);
            }
            if (overlaysDir != null) {
                try {
                    writeOverlay(image, s, imageId, conf);
                } catch (RejectedException e) {
                    // The objects stand; the missing picture is reported beside them.
                    rows.add(rejectRow(imageId, path, e));
                }
            }
        } catch (RejectedException e) {
            rows.clear();
            rows.add(rejectRow(imageId, path, e));
        }
        imagesDone.add(1);
        return rows;
    }

    private static Row rejectRow(String imageId, String path, RejectedException e) {
        return RowFactory.create(imageId, null, null, path, null, null, null, null, null, null, null,
                e.stage().label(), e.reason());
    }

    /** The file name without its extension, as the annotation readers name images. */
    static String imageId(String path) {
        String name = new Path(path).getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void writeOverlay(RgbImage image, ImageSegmenter.Segmentation s, String imageId, Configuration conf)
            throws RejectedException {
        Path target = new Path(overlaysDir, imageId + ".png");
        try {
            FileSystem fs = target.getFileSystem(conf);
            fs.setWriteChecksum(false);
            try (OutputStream out = fs.create(target, true)) {
                out.write(SegmentationOverlay.png(image, s, List.of(), 1));
            }
        } catch (IOException e) {
            throw new RejectedException(RejectedException.Stage.SEGMENT,
                    "cannot write overlay " + target + ": " + e.getMessage(), e);
        }
    }
}
