package org.cellactive.learning.ledger;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Imports one answers file into a ledger: validate every line, then append the valid
 * new answers as one label file, under the ledger's lock. Killed before the rename, the
 * import left nothing; killed after it, a rerun finds every line unchanged.
 */
public final class LabelImport {
    private LabelImport() {
    }

    public static ImportPlan run(Path ledgerDir, Path answers, boolean relabel, String annotator, Clock clock) {
        LabelLedger ledger = LabelLedger.open(ledgerDir);
        try (AutoCloseable lock = ledger.lock()) {
            ledger.removeStaleWrites();
            ImportPlan plan = AnswersValidator.forLedger(ledger, relabel, annotator, clock).validate(answers);
            CrashPoints.reached("labels-validated");
            ledger.appendLabels(plan.accepted());
            CrashPoints.reached("labels-appended");
            return plan;
        } catch (LedgerException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerException(ledgerDir + ": " + e.getMessage(), e);
        }
    }
}
