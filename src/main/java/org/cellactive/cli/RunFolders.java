package org.cellactive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.cellactive.learning.ledger.AtomicFiles;

/**
 * What a command does with a local run folder that already exists. A folder with
 * {@code manifest.json} holds a finished run (the manifest is always written last): it is refused,
 * or with {@code --overwrite} moved aside whole and deleted once the new run is complete, so old
 * and new files never mix. A folder without one is an unfinished run, which a resumable command
 * continues.
 */
final class RunFolders {

    static final String MANIFEST = "manifest.json";

    private RunFolders() {
    }

    /**
     * Makes {@code out} ready for a run.
     *
     * @return the old folder, moved aside, for {@link #discard} once the new run is complete; or null
     * @throws IllegalArgumentException when {@code out} holds a finished run and overwrite is off
     */
    static Path prepare(Path out, boolean overwrite, String command) throws IOException {
        Path replaced = null;
        if (Files.exists(out.resolve(MANIFEST))) {
            if (!overwrite) {
                throw new IllegalArgumentException("--out " + out + " already holds a finished " + command
                        + " run (it has " + MANIFEST + "); choose another folder, or pass --overwrite to replace it");
            }
            Path abs = out.toAbsolutePath().normalize();
            replaced = abs.resolveSibling("." + abs.getFileName() + ".replaced-" + UUID.randomUUID());
            AtomicFiles.move(abs, replaced);
        }
        Files.createDirectories(out);
        return replaced;
    }

    /** Deletes the folder {@link #prepare} moved aside, if any. */
    static void discard(Path replaced) {
        if (replaced != null) {
            AtomicFiles.deleteTree(replaced);
        }
    }
}
