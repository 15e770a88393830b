package org.cellactive.annotations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The executor side of reading a VOC folder: takes rows of (path, length) from Spark's
 * {@code binaryFile} listing, reads each file through Hadoop (never more than
 * {@link VocParser#MAX_BYTES} + 1 bytes), parses it, and emits rows of
 * {@link #UNION_SCHEMA}: boxes and rejects in one pass, told apart by {@code kind}.
 */
final class VocFileReader implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final String KIND = "kind";
    static final String BOX = "box";
    static final String REJECT = "reject";

    private final SerializableConfiguration conf;
    private final ImageLocator images;

    VocFileReader(SerializableConfiguration conf, ImageLocator images) {
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
                parsed = ParsedAnnotations.wholeFileRejected(path, null, "annotation file is " + length
                        + " bytes, over the limit of " + VocParser.MAX_BYTES + " bytes");
            } else {
                try {
                    parsed = parser.parse(readBounded(path), path, images);
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

    /** At most MAX_BYTES + 1 bytes, so a file that grew after listing is still refused by the parser. */
    private byte[] readBounded(String path) throws IOException {
        Path p = new Path(path);
        try (FSDataInputStream in = p.getFileSystem(conf.value()).open(p)) {
            return readAtMost(in, VocParser.MAX_BYTES + 1);
        }
    }

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
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
