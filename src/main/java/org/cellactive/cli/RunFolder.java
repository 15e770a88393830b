package org.cellactive.cli;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A run folder written whole or not at all. A command writes into a hidden staging folder
 * beside the target ({@link #staging()}), manifest.json last, and {@link #commit()} moves it into
 * place; a failed or stopped run leaves the target as it was and its staging folder removed
 * ({@link #discard()}). So a run folder never mixes the files of two runs.
 *
 * <p>A target that exists is refused unless the user said {@code --overwrite}; then the old
 * folder is moved aside, the new one renamed into its place, and the old one deleted. Between
 * the two renames the target is briefly absent, never half old and half new. Renames are
 * atomic on local file systems and on HDFS (not on S3, where a rename is a copy).
 *
 * <p>On local paths Hadoop writes a hidden {@code .NAME.crc} checksum beside every file; those
 * are removed before the commit, since people open these folders and copy them around.
 */
final class RunFolder {
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private boolean committed;

    private RunFolder(FileSystem fs, Path target, Path staging) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks the target and picks a staging folder beside it (created on first write).
     *
     * @throws UsageException if the target exists and {@code overwrite} is false, or is a file
     */
    static RunFolder open(String out, boolean overwrite, Configuration conf) throws IOException {
        Path given = new Path(out);
        FileSystem fs = given.getFileSystem(conf);
        Path target = fs.makeQualified(given);
        if (target.getParent() == null) {
            throw new UsageException("--out " + out + " is a file system root; give a folder inside it");
        }
        if (fs.exists(target)) {
            FileStatus status = fs.getFileStatus(target);
            if (!status.isDirectory()) {
                throw new UsageException("--out " + out + " is a file, not a run folder");
            }
            if (!overwrite && fs.listStatus(target).length > 0) {
                throw new UsageException("run folder " + out + " already exists; pass --overwrite to replace it"
                        + " whole, or choose another --out");
            }
        }
        Path staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + UUID.randomUUID());
        return new RunFolder(fs, target, staging);
    }

    /** Where the command writes its files: a hidden folder beside the target. */
    String staging() {
        return staging.toString();
    }

    /** Puts the staged folder in the target's place. Call after manifest.json is written. */
    void commit() throws IOException {
        removeChecksumFiles();
        Path old = null;
        if (fs.exists(target)) {
            old = new Path(target.getParent(), "." + target.getName() + ".replaced-" + UUID.randomUUID());
            rename(target, old);
        }
        rename(staging, target);
        committed = true;
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** Removes the staging folder unless it was committed; safe to call always. */
    void discard() {
        if (!committed) {
            try {
                fs.delete(staging, true);
            } catch (IOException e) {
                System.err.println("cannot remove staging folder " + staging + ": " + e.getMessage());
            }
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    /** The checksum file system lists files without their .crc side files; its raw one shows them. */
    private void removeChecksumFiles() throws IOException {
        if (!(fs instanceof LocalFileSystem local) || !fs.exists(staging)) {
            return;
        }
        FileSystem raw = local.getRaw();
        RemoteIterator<LocatedFileStatus> files = raw.listFiles(staging, true);
        while (files.hasNext()) {
            Path p = files.next().getPath();
            if (p.getName().startsWith(".") && p.getName().endsWith(".crc")) {
                raw.delete(p, false);
            }
        }
    }
}
