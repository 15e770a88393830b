package org.cellactive.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.cellactive.reject.RejectedException;

/**
 * The one way the project reads a whole input file (an image, an annotation file) through Hadoop's
 * FileSystem (local, HDFS, S3, ...): its size is looked up first and a file over the cap is refused
 * unread, so a hostile or mistaken input never costs more memory than the cap.
 */
public final class CappedRead {
    private CappedRead() {
    }

    /** A file over the cap; nothing of it was read. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long length;
        private final long limit;

        TooLargeException(long length, long limit) {
            super("file is " + length + " bytes, over the limit of " + limit + " bytes");
            this.length = length;
            this.limit = limit;
        }

        public long length() { return length; }
        public long limit() { return limit; }
    }

    /** A path that names a folder or another non-file. */
    public static final class NotAFileException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAFileException(String path) {
            super("not a regular file: " + path);
        }
    }

    /**
     * The whole file at {@code path}, at most {@code maxBytes} long.
     *
     * @throws FileNotFoundException if there is no such file
     * @throws NotAFileException     if the path is a folder
     * @throws TooLargeException     if the file is longer than {@code maxBytes}
     * @throws IOException           if the read fails, or the file shrank after its size was read
     */
    public static byte[] bytes(String path, Configuration conf, long maxBytes) throws IOException {
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("cap of " + maxBytes + " bytes is not an array size");
        }
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            // Images carry no Hadoop .crc files; the checksummed local file system would look
            // for one on every open (an exception inside), which cost more than the read itself.
            fs = local.getRawFileSystem();
        }
        FileStatus status = fs.getFileStatus(p);
        if (!status.isFile()) {
            throw new NotAFileException(path);
        }
        if (status.getLen() > maxBytes) {
            throw new TooLargeException(status.getLen(), maxBytes);
        }
        byte[] bytes = new byte[(int) status.getLen()];
        try (FSDataInputStream in = fs.open(p)) {
            in.readFully(0, bytes);
        }
        return bytes;
    }

    /**
     * {@link #bytes} for an image, with every failure turned into a DECODE reject whose reason
     * names what went wrong (the reject row names the file).
     */
    public static byte[] image(String path, Configuration conf, long maxBytes) throws RejectedException {
        RejectedException.Stage decode = RejectedException.Stage.DECODE;
        try {
            return bytes(path, conf, maxBytes);
        } catch (FileNotFoundException e) {
            throw new RejectedException(decode, "image file not found");
        } catch (NotAFileException e) {
            throw new RejectedException(decode, "not a regular file");
        } catch (TooLargeException e) {
            throw new RejectedException(decode, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new RejectedException(decode, "cannot read image: " + e.getMessage(), e);
        }
    }

    /**
     * The cap on an image file for a pixel limit: a decoded image costs about 4 bytes per pixel
     * and its compressed file far less, unless it is hostile; at least 64 MiB, at most what an
     * array holds.
     */
    public static long imageFileCap(long maxImagePixels) {
        return Math.min(Integer.MAX_VALUE - 64, Math.max(64L << 20, maxImagePixels * 4));
    }
}
