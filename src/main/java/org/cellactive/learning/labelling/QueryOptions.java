package org.cellactive.learning.labelling;

import java.nio.file.Path;
import java.util.List;
import org.cellactive.learning.LearnerParams;

/**
 * What {@code query} was asked to do.
 *
 * @param classesOrNull the class list, needed only when the ledger is created
 * @param featureSpec   {@code all}, {@code gray-intensity} or COL,...; fixed by the first round
 */
public record QueryOptions(String cellsPath, Path ledgerDir, int batchSize, String strategy,
                           List<String> classesOrNull, long seed, Path outDir, String featureSpec,
                           LearnerParams learner, long maxImagePixels) {
    public QueryOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        classesOrNull = classesOrNull == null ? null : List.copyOf(classesOrNull);
    }
}
