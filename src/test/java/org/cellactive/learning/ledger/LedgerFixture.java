package org.cellactive.learning.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A ledger with one issued batch, built without Spark, for the label tests. */
final class LedgerFixture {
    private LedgerFixture() {
    }

    static LabelLedger withBatch(Path dir, List<String> classes, String... keys) {
        LabelLedger ledger = LabelLedger.openOrCreate(dir, classes);
        int round = ledger.rounds().size() + 1;
        Path staging = ledger.stageRound(round);
        ledger.commitRound(staging, RoundInfo.builder(round).picking("cold-start", keys.length, 1).coldStart(true)
                        .ledgerState(ledger.records().size(), 0).model(List.of(), List.of("f"), Map.of()).poolSize(100)
                        .createdAt("2026-01-01T00:00:00Z").build(),
                java.util.Arrays.stream(keys).map(k -> new LabelLedger.BatchEntry(k, k.substring(0, k.lastIndexOf('_'))))
                        .toList());
        return ledger;
    }
}
