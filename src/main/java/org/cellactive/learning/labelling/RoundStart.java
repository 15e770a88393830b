package org.cellactive.learning.labelling;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * The ledger as a round finds it, read once under the lock: its label records, its committed
 * rounds, and each cell's current label.
 */
public record RoundStart(List<LabelRecord> records, List<RoundInfo> rounds, Map<String, LabelRecord> current) {

    public static RoundStart read(LabelLedger ledger) {
        List<LabelRecord> records = ledger.records();
        Map<String, LabelRecord> current = new TreeMap<>();
        records.forEach(r -> current.put(r.cellKey(), r));
        return new RoundStart(records, ledger.rounds(), current);
    }

    public Optional<RoundInfo> latest() {
        return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get(rounds.size() - 1));
    }

    /**
     * The latest round, when no label has arrived since it was issued: it is shown again
     * rather than a new round issued, so a rerun (or a restart) gives the same batch.
     */
    public Optional<RoundInfo> unchangedLatest() {
        return latest().filter(r -> r.labelsSeen() == records.size());
    }

    public int nextRound() {
        return latest().map(r -> r.round() + 1).orElse(1);
    }

    /** The latest round that fit a model (its model and predictions are the "before" of the next signal). */
    public Optional<RoundInfo> latestModelRound() {
        return rounds.stream().filter(r -> !r.coldStart()).reduce((a, b) -> b);
    }
}
