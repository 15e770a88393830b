package org.cellactive.annotations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cellactive.io.CappedRead;
import org.cellactive.io.HadoopSettings;

/**
 * The executor side of reading a VOC folder: takes rows of (path, length) from Spark's
 * {@code binaryFile} listing, reads each file through Hadoop ({@link CappedRead}, never more than
 * {@link VocParser#MAX_BYTES} bytes), parses it, and emits rows of
 * {@link #UNION_SCHEMA}: boxes and rejects in one pass, told apart by {@code kind}.
 */
final class VocFileReader implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final String KIND = "kind";
    static final String BOX = "box";
    static final String REJECT = "reject";

    private final Broadcast<HadoopSettings> conf;
    private final ImageLocator images;

    VocFileReader(Broadcast<HadoopSettings> conf, ImageLocator images) {
        this.conf = conf;
        this.images = images;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        VocParser parser = new VocParser();
        List<Row> out = new ArrayList<>();
        while (files.hasNext()) {
            Row file = files.next();
            String path = file.getString(0);
            long length = file.getLong(1);
            ParsedAnnotations parsed;
            if (length > VocParser.MAX_BYTES) {
                parsed = tooLarge(path, length);
            } else {
                try {
                    parsed = parser.parse(CappedRead.bytes(path, conf.value().configuration(), VocParser.MAX_BYTES),
                            path, images);
                } catch (CappedRead.TooLargeException e) {
                    parsed = tooLarge(path, e.length()); // it grew after it was listed
                } catch (IOException e) {
                    parsed = ParsedAnnotations.wholeFileRejected(path, null,
                            "cannot read annotation file: " + e.getClass().getSimpleName());
                }
            }
            parsed.boxes().forEach(b -> out.add(unionRow(b)));
            parsed.rejects().forEach(r -> out.add(unionRow(r)));
        }
        return out.iterator();
    }

    private static ParsedAnnotations tooLarge(String path, long length) {
        return ParsedAnnotations.wholeFileRejected(path, null, "annotation file is " + length
                + " bytes, over the limit of " + VocParser.MAX_BYTES + " bytes");
    }

    /** Columns: kind, the 9 box columns (image_id, cell_id, cell_key shared with rejects), file, stage, reason. */
    static final StructType UNION_SCHEMA = unionSchema();

    private static StructType unionSchema() {
        StructType schema = new StructType().add(KIND, DataTypes.StringType, false);
        for (StructField f : AnnotationSource.boxSchema().fields()) {
            schema = schema.add(f.name(), f.dataType(), true);
        }
        return schema.add(RejectColumns.FILE, DataTypes.StringType, true)
                .add(RejectColumns.STAGE, DataTypes.StringType, true)
                .add(RejectColumns.REASON, DataTypes.StringType, true);
    }

    private static Row unionRow(CellBox b) {
        return RowFactory.create(BOX, b.imageId(), b.cellId(), b.cellType(), b.imagePath(),
                b.xmin(), b.ymin(), b.xmax(), b.ymax(), b.cellKey(), null, null, null);
    }

    private static Row unionRow(Reject r) {
        return RowFactory.create(REJECT, r.imageId(), r.cellId(), null, null, null, null, null, null,
                r.cellKey(), r.file(), r.stage(), r.reason());
    }
}
