package org.cellactive.features.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
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
import org.cellactive.annotations.NearDuplicates;
import org.cellactive.features.CellOutcome;
import org.cellactive.features.CellPipeline;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.PngCrops;
import org.cellactive.imaging.VocBox;
import org.cellactive.io.CappedRead;
import org.cellactive.io.HadoopSettings;
import org.cellactive.reject.RejectedException;

/**
 * The body of the feature stage, run on executors: rows arrive sorted by image, each
 * image is read through Hadoop FileSystem ({@link CappedRead}) once, and its boxes go through
 * the {@link CellPipeline}. Every box yields exactly one output row: either its features, or the
 * stage and reason it was rejected. Each row also names the earlier box of its image it
 * near-duplicates, if any ({@link NearDuplicates#within}), measured or not.
 */
final class ImagePartitionMeasurer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final CellPipeline pipeline;
    private final long maxFileBytes;
    private final Broadcast<HadoopSettings> hadoopConf;
    private final String cropsDir;
    private final LongAccumulator done;
    private final BoxFields fields;

    ImagePartitionMeasurer(CellPipeline pipeline, long maxFileBytes, Broadcast<HadoopSettings> hadoopConf,
                           String cropsDir, LongAccumulator done, BoxFields fields) {
        this.pipeline = pipeline;
        this.maxFileBytes = maxFileBytes;
        this.hadoopConf = hadoopConf;
        this.cropsDir = cropsDir;
        this.done = done;
        this.fields = fields;
    }

    /**
     * Measures lazily, one image at a time, so a task holds the rows of one image, not of its
     * whole partition: partitions of a large archive can be big.
     */
    @Override
    public Iterator<Row> call(Iterator<Row> boxes) {
        Configuration conf = hadoopConf.value().configuration();
        PeekingBoxes input = new PeekingBoxes(boxes);
        return new Iterator<>() {
            private final List<Row> ready = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                while (next == ready.size() && input.hasNext()) {
                    ready.clear();
                    next = 0;
                    String path = input.peek().getString(fields.imagePath());
                    List<Row> sameImage = new ArrayList<>();
                    while (input.hasNext() && path.equals(input.peek().getString(fields.imagePath()))) {
                        sameImage.add(input.next());
                    }
                    measureImage(path, sameImage, conf, ready);
                }
                return next < ready.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.get(next++);
            }
        };
    }

    /** An iterator that can look at its next row without taking it. */
    private static final class PeekingBoxes {
        private final Iterator<Row> rows;
        private Row peeked;

        PeekingBoxes(Iterator<Row> rows) {
            this.rows = rows;
        }

        boolean hasNext() {
            return peeked != null || rows.hasNext();
        }

        Row peek() {
            if (peeked == null) {
                peeked = rows.next();
            }
            return peeked;
        }

        Row next() {
            Row row = peek();
            peeked = null;
            return row;
        }
    }

    private void measureImage(String path, List<Row> boxes, Configuration conf, List<Row> out) {
        String[] duplicateOf = nearDuplicates(boxes);
        List<CellOutcome> outcomes;
        try {
            List<VocBox> corners = new ArrayList<>(boxes.size());
            for (Row box : boxes) {
                corners.add(new VocBox(box.getInt(fields.xmin()), box.getInt(fields.ymin()),
                        box.getInt(fields.xmax()), box.getInt(fields.ymax())));
            }
            outcomes = pipeline.measure(CappedRead.image(path, conf, maxFileBytes), path, corners);
        } catch (RejectedException e) {
            for (int i = 0; i < boxes.size(); i++) {
                out.add(rejected(boxes.get(i), duplicateOf[i], e));
            }
            done.add(boxes.size());
            return;
        }
        for (int i = 0; i < boxes.size(); i++) {
            out.add(row(boxes.get(i), duplicateOf[i], outcomes.get(i), conf));
        }
        done.add(boxes.size());
    }

    private String[] nearDuplicates(List<Row> boxes) {
        List<NearDuplicates.Box> sameImage = new ArrayList<>(boxes.size());
        for (Row b : boxes) {
            sameImage.add(new NearDuplicates.Box(b.getInt(fields.cellId()),
                    b.isNullAt(fields.cellType()) ? null : b.getString(fields.cellType()), b.getString(fields.cellKey()),
                    b.getInt(fields.xmin()), b.getInt(fields.ymin()), b.getInt(fields.xmax()), b.getInt(fields.ymax())));
        }
        return NearDuplicates.within(sameImage);
    }

    private Row row(Row box, String duplicateOf, CellOutcome outcome, Configuration conf) {
        if (outcome instanceof CellOutcome.Rejected r) {
            return rejected(box, duplicateOf, r.reason());
        }
        CellOutcome.Measured m = (CellOutcome.Measured) outcome;
        if (cropsDir != null) {
            try {
                writeCrop(m.crop(), box.getString(fields.cellKey()), conf);
            } catch (RejectedException e) {
                return rejected(box, duplicateOf, e);
            }
        }
        return measured(box, duplicateOf, m.values());
    }

    private void writeCrop(CellImage crop, String cellKey, Configuration conf) throws RejectedException {
        Path target = new Path(cropsDir, cellKey + ".png");
        try {
            FileSystem fs = target.getFileSystem(conf);
            // The local file system would write a hidden .crc file beside every crop.
            fs.setWriteChecksum(false);
            writePng(fs, target, crop);
        } catch (IOException e) {
            throw new RejectedException(RejectedException.Stage.MEASURE,
                    "cannot write crop " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writePng(FileSystem fs, Path target, CellImage crop) throws IOException {
        try (OutputStream o = fs.create(target, true)) {
            PngCrops.write(crop, o);
        }
    }

    /** The box's columns, near_duplicate_of, reject stage, reject reason, values: {@link FeatureStage}'s outcome. */
    private Row measured(Row box, String duplicateOf, double[] values) {
        Object[] row = keyValues(box, duplicateOf);
        row[fields.keyCount() + 3] = values;
        return RowFactory.create(row);
    }

    private Row rejected(Row box, String duplicateOf, RejectedException e) {
        Object[] row = keyValues(box, duplicateOf);
        row[fields.keyCount() + 1] = e.stage().label();
        row[fields.keyCount() + 2] = e.reason();
        return RowFactory.create(row);
    }

    private Object[] keyValues(Row box, String duplicateOf) {
        Object[] row = new Object[fields.keyCount() + 4];
        for (int i = 0; i < fields.keyCount(); i++) {
            row[i] = box.get(i);
        }
        row[fields.keyCount()] = duplicateOf;
        return row;
    }
}
