package org.cellactive.learning.labelling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.ledger.AtomicFiles;
import org.cellactive.learning.ledger.LedgerException;

/**
 * A round's model as plain coefficients, {@code model.json}, written by every round that fit
 * one ({@code query} also keeps MLlib's {@code model/}). It is what the next round compares its
 * predictions with, in memory, and what {@code serve} reloads at start; a few kilobytes
 * written in a millisecond, where MLlib's persistence runs Spark jobs.
 */
public final class ModelFile {
    public static final String FILE = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {
    }

    /** @param classes the classes the model was fit on, in its probability order */
    public record Saved(List<String> classes, ScoringModel model) {
    }

    public static void write(Path roundDir, List<String> classes, ScoringModel model) {
        try {
            AtomicFiles.writeString(roundDir.resolve(FILE), JSON.writeValueAsString(new Saved(classes, model)));
        } catch (IOException e) {
            throw new LedgerException(roundDir.resolve(FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The round's model, or empty for a round written before model.json existed. */
    public static Optional<Saved> read(Path roundDir) {
        Path file = roundDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Saved.class));
        } catch (IOException e) {
            throw new LedgerException(file + ": corrupt model file: " + e.getMessage(), e);
        }
    }
}
