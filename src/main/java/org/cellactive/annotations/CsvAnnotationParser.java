package org.cellactive.annotations;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cellactive.reject.RejectedException;

/**
 * Reads cell boxes from one CSV file. Two layouts are accepted; header names are matched
 * without regard to case or surrounding spaces, extra columns are ignored, and a leading
 * unnamed column (the index pandas' {@code to_csv} writes) is ignored too:
 * <ul>
 *   <li>BCCD's export script: {@code filename,cell_type,xmin,xmax,ymin,ymax}, where
 *       filename is the image file, e.g. {@code BloodImage_00000.jpg};</li>
 *   <li>the article's variant: {@code image_id}, optionally {@code cell_id}, then
 *       {@code cell_type} and the four corners.</li>
 * </ul>
 * Required: {@code xmin, ymin, xmax, ymax} and one of {@code filename} or {@code image_id}
 * (filename wins when both are present).
 * {@code cell_type} is optional (archives may carry boxes without classes); an empty one
 * is null. Without all required columns the whole file is refused with an
 * {@link AnnotationsException}. A bad row becomes a {@link Reject} that names its line.
 *
 * <p>How {@code image_id} finds the image file:
 * <ol>
 *   <li>an id that ends in an image extension is the file name itself;</li>
 *   <li>otherwise, when the images folder was listed ({@link ImageLocator#withListing}),
 *       the file named exactly {@code <image_id>.<jpg|jpeg|png|tif|tiff>};</li>
 *   <li>otherwise a bare number (like {@code 0} or {@code 00000}) means BCCD's
 *       {@code BloodImage_<number as 5 digits>.jpg}, and any other id {@code <image_id>.jpg}.</li>
 * </ol>
 * The row's {@code image_id} is then the chosen file name without extension, so
 * {@code 0} becomes {@code BloodImage_00000}, as in the VOC folder.
 *
 * <p>{@code cell_id} comes from its column when there is one; otherwise it is the 0-based
 * index of the row among that image's rows (rejected rows included, so ids are stable;
 * only a row whose image cannot be told, e.g. with a wrong field count, is not counted).
 * A repeated (image, cell_id) pair is rejected.
 */
public final class CsvAnnotationParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false) // kept as records, skipped below, so line numbers stay exact
            .setTrim(true)
            .get();

    public ParsedAnnotations parse(Reader csv, String file, ImageLocator images) {
        List<CellBox> boxes = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long linesRead = 0;
            Columns columns = null;
            while (columns == null) {
                if (!records.hasNext()) {
                    throw new AnnotationsException("annotation CSV " + file + " is empty: it has no header line");
                }
                CSVRecord header = records.next();
                linesRead = parser.getCurrentLineNumber();
                if (!isBlank(header)) {
                    columns = Columns.of(header, file);
                }
            }
            Rows rows = new Rows(file, images, columns);
            while (true) {
                long line = linesRead + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rejects.add(Reject.annotation(file, null, null, "line " + line
                            + ": malformed CSV (e.g. an unclosed quote); the rest of the file is not read"));
                    break;
                }
                linesRead = parser.getCurrentLineNumber();
                if (!isBlank(record)) {
                    rows.add(record, line, boxes, rejects);
                }
            }
        } catch (IOException e) {
            throw new AnnotationsException("cannot read annotation CSV " + file + ": " + e.getMessage(), e);
        }
        return new ParsedAnnotations(boxes, rejects);
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Positions of the known columns in the header; -1 where absent. */
    private record Columns(int width, int filename, int imageId, int cellId, int cellType,
                           int xmin, int ymin, int xmax, int ymax) {

        static Columns of(CSVRecord header, String file) {
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (at.putIfAbsent(name, i) != null && KNOWN.contains(name)) {
                    throw new AnnotationsException("annotation CSV " + file + ": column '" + name
                            + "' appears twice in the header");
                }
            }
            List<String> missing = new ArrayList<>();
            if (!at.containsKey("filename") && !at.containsKey("image_id")) {
                missing.add("filename or image_id");
            }
            for (String corner : List.of("xmin", "ymin", "xmax", "ymax")) {
                if (!at.containsKey(corner)) {
                    missing.add(corner);
                }
            }
            if (!missing.isEmpty()) {
                throw new AnnotationsException("annotation CSV " + file + " lacks column(s) "
                        + String.join(", ", missing) + "; its header is: " + headerLine(header)
                        + " (expected filename,cell_type,xmin,xmax,ymin,ymax or image_id,cell_id,cell_type,xmin,ymin,xmax,ymax)");
            }
            return new Columns(header.size(), pos(at, "filename"), pos(at, "image_id"), pos(at, "cell_id"),
                    pos(at, "cell_type"), pos(at, "xmin"), pos(at, "ymin"), pos(at, "xmax"), pos(at, "ymax"));
        }

        private static final List<String> KNOWN =
                List.of("filename", "image_id", "cell_id", "cell_type", "xmin", "ymin", "xmax", "ymax");

        private static int pos(Map<String, Integer> at, String name) {
            return at.getOrDefault(name, -1);
        }

        private static String headerLine(CSVRecord header) {
            List<String> names = new ArrayList<>();
            header.forEach(h -> names.add(ReasonText.quote(h)));
            String joined = String.join(",", names);
            return joined.length() > 300 ? joined.substring(0, 300) + "..." : joined;
        }
    }

    /** The per-file state of reading rows: cell counters, seen keys, resolved images. */
    private static final class Rows {
        private final String file;
        private final ImageLocator images;
        private final Columns columns;
        private final Map<String, Integer> nextCellId = new HashMap<>();
        private final Map<String, Long> lineOfKey = new HashMap<>();
        private final Map<String, Object> resolved = new HashMap<>(); // path String, or RejectedException

        Rows(String file, ImageLocator images, Columns columns) {
            this.file = file;
            this.images = images;
            this.columns = columns;
        }

        void add(CSVRecord record, long line, List<CellBox> boxes, List<Reject> rejects) {
            String prefix = "line " + line + ": ";
            if (record.size() != columns.width()) {
                rejects.add(Reject.annotation(file, null, null, prefix + "has " + record.size()
                        + " fields, the header has " + columns.width()));
                return;
            }
            String imageName;
            if (columns.filename() >= 0) {
                String name = record.get(columns.filename());
                if (name.isEmpty()) {
                    rejects.add(Reject.annotation(file, null, null, prefix + "filename is empty"));
                    return;
                }
                imageName = ImageLocator.hasExtension(name) ? name : images.fileNameFor(name);
            } else {
                String id = record.get(columns.imageId());
                if (id.isEmpty()) {
                    rejects.add(Reject.annotation(file, null, null, prefix + "image_id is empty"));
                    return;
                }
                imageName = imageFileOf(id);
            }
            String imageId = ImageLocator.stem(imageName);
            if (imageId.isEmpty()) {
                rejects.add(Reject.annotation(file, null, null,
                        prefix + "image name " + ReasonText.quote(imageName) + " has no name before its extension"));
                return;
            }
            int counted = nextCellId.merge(imageId, 1, Integer::sum) - 1;
            Integer cellId = counted;
            try {
                if (columns.cellId() >= 0) {
                    cellId = null;
                    cellId = cellIdOf(record.get(columns.cellId()));
                }
                String imagePath = resolve(imageName);
                BoxCorners c = BoxCorners.parse(record.get(columns.xmin()), record.get(columns.ymin()),
                        record.get(columns.xmax()), record.get(columns.ymax()));
                String key = AnnotationColumns.cellKey(imageId, cellId);
                Long earlier = lineOfKey.putIfAbsent(key, line);
                if (earlier != null) {
                    throw new RejectedException(RejectedException.Stage.ANNOTATION,
                            "cell_id " + cellId + " of image " + imageId + " repeats line " + earlier);
                }
                String type = columns.cellType() >= 0 ? record.get(columns.cellType()) : "";
                boxes.add(new CellBox(imageId, cellId, type.isEmpty() ? null : type, imagePath,
                        c.xmin(), c.ymin(), c.xmax(), c.ymax()));
            } catch (RejectedException e) {
                rejects.add(Reject.of(file, imageId, cellId, e.stage(), prefix + e.reason()));
            }
        }

        private String imageFileOf(String id) {
            if (ImageLocator.hasImageExtension(id)) {
                return id;
            }
            String listed = images.findListed(id);
            if (listed != null) {
                return listed;
            }
            if (id.length() <= 9 && id.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return String.format(Locale.ROOT, "BloodImage_%05d.jpg", Integer.parseInt(id));
            }
            return id + ".jpg";
        }

        private String resolve(String imageName) throws RejectedException {
            Object cached = resolved.get(imageName);
            if (cached == null) {
                try {
                    cached = images.resolve(imageName);
                } catch (RejectedException e) {
                    cached = e;
                }
                resolved.put(imageName, cached);
            }
            if (cached instanceof RejectedException e) {
                throw e;
            }
            return (String) cached;
        }

        private static int cellIdOf(String text) throws RejectedException {
            try {
                int id = Integer.parseInt(text);
                if (id >= 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new RejectedException(RejectedException.Stage.ANNOTATION,
                    "cell_id " + ReasonText.quote(text) + " is not an integer >= 0");
        }
    }
}
