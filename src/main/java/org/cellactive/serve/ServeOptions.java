package org.cellactive.serve;

import java.nio.file.Path;
import java.util.List;
import org.cellactive.learning.LearnerParams;

/**
 * What {@code serve} was asked to do: the same choices as {@code query}, plus who answers.
 *
 * @param classesOrNull the class list, needed only when the ledger is created
 * @param annotator     recorded with every answer given in the browser
 */
public record ServeOptions(String cellsPath, Path ledgerDir, List<String> classesOrNull, String featureSpec,
                           String strategy, int batchSize, long seed, LearnerParams learner, long maxImagePixels,
                           String annotator) {
    public ServeOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        classesOrNull = classesOrNull == null ? null : List.copyOf(classesOrNull);
    }
}
