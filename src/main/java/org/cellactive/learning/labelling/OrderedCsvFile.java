package org.cellactive.learning.labelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.Dataset;
import org.cellactive.learning.ledger.AtomicFiles;

/**
 * One local CSV file of any length from a table of ready-made CSV lines, in the table's order.
 * Spark writes the lines as text parts, in parallel, one per partition (a sorted table's parts
 * hold consecutive ranges); the driver then appends the parts, in partition order, behind the
 * header, byte for byte. No row passes through the driver's heap and no task writes the whole
 * file, so the file's length is bounded by the disk only. The file appears whole (temporary
 * name, forced to disk, renamed), as {@link AtomicFiles} writes.
 */
final class OrderedCsvFile {
    /** RFC 4180's record separator, which the lines are written with. */
    static final String RECORD_SEPARATOR = "\r\n";

    private OrderedCsvFile() {
    }

    /**
     * @param lines  one CSV record per row, without its record separator (see {@link #record}), in file order
     * @param header the header's fields
     */
    static void write(Dataset<String> lines, List<String> header, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String id = AtomicFiles.TEMP_PREFIX + UUID.randomUUID() + "-" + file.getFileName();
        Path parts = dir.resolve(id + ".parts");
        Path temp = dir.resolve(id);
        try {
            lines.write().option("lineSep", RECORD_SEPARATOR).text(parts.toUri().toString());
            List<Path> ordered;
            try (Stream<Path> s = Files.list(parts)) {
                ordered = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
            }
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.wrap((record(header.toArray()) + RECORD_SEPARATOR)
                        .getBytes(StandardCharsets.UTF_8));
                while (head.hasRemaining()) {
                    out.write(head);
                }
                for (Path part : ordered) {
                    try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                        long size = in.size();
                        for (long at = 0; at < size; ) {
                            at += in.transferTo(at, size - at, out);
                        }
                    }
                }
                out.force(true);
            }
            AtomicFiles.move(temp, file);
        } catch (IOException e) {
            AtomicFiles.deleteTree(temp);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteTree(parts);
        }
    }

    /** One CSV record as RFC 4180 formats it (quoted when needed), without the record separator. */
    static String record(Object... values) {
        return CSVFormat.RFC4180.format(values);
    }
}
