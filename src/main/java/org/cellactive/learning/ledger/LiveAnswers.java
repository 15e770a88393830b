package org.cellactive.learning.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers given in the browser ({@code serve}), checked by {@code label}'s rules and appended
 * as one label file: keys must have been issued in a batch, labels must be ledger classes (or
 * "unsure"), one request may not give one cell two labels, and changing a label needs an
 * explicit relabel. The caller holds the ledger lock and serialises calls; {@link #post}
 * returns only once the accepted answers are on disk (written, forced, renamed).
 */
public final class LiveAnswers {
    /** Source of every record written here: the file workflow's records name their answers file instead. */
    public static final String SOURCE = "serve";

    private final LabelLedger ledger;
    private final String annotator;
    private final Clock clock;

    public LiveAnswers(LabelLedger ledger, String annotator, Clock clock) {
        this.ledger = ledger;
        this.annotator = annotator;
        this.clock = clock;
    }

    /**
     * One answer as posted.
     *
     * @param label   a ledger class, or null when {@code unsure}
     * @param unsure  "skip / unsure": recorded, never trained on
     * @param relabel allow replacing a different earlier label
     */
    public record Answer(String cellKey, String label, boolean unsure, boolean relabel) {
    }

    /** Why one answer was not recorded. */
    public record Rejected(String cellKey, String reason) {
    }

    /**
     * @param accepted  records appended (new or changed labels)
     * @param unchanged answers that repeat the cell's current label: nothing written
     */
    public record Outcome(List<LabelRecord> accepted, int unchanged, List<Rejected> rejected) {
    }

    public Outcome post(List<Answer> answers) {
        List<String> classes = ledger.classes();
        Map<String, Integer> issued = ledger.issuedCells();
        Map<String, LabelRecord> current = ledger.currentLabels();
        String now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Answer> byKey = new LinkedHashMap<>();
        Map<String, Boolean> conflicted = new HashMap<>();
        for (Answer a : answers) {
            String key = a.cellKey() == null ? "" : a.cellKey();
            String label = a.unsure() ? LabelRecord.UNSURE : a.label();
            if (key.isEmpty()) {
                rejected.add(new Rejected(key, "empty cell_key"));
            } else if (!issued.containsKey(key)) {
                rejected.add(new Rejected(key, "unknown cell key: the ledger never issued it in a batch"));
            } else if (a.unsure() && a.label() != null) {
                rejected.add(new Rejected(key, "give a label or unsure, not both"));
            } else if (label == null || label.isEmpty()) {
                rejected.add(new Rejected(key, "empty label"));
            } else if (!a.unsure() && !classes.contains(label)) {
                rejected.add(new Rejected(key, "unknown class " + AnswersValidator.shown(label)
                        + "; the ledger's classes are " + classes));
            } else {
                Answer earlier = byKey.putIfAbsent(key, new Answer(key, label, a.unsure(), a.relabel()));
                if (earlier != null && !earlier.label().equals(label)) {
                    conflicted.put(key, true);
                }
            }
        }
        List<LabelRecord> accepted = new ArrayList<>();
        int unchanged = 0;
        for (Answer a : byKey.values()) {
            if (conflicted.containsKey(a.cellKey())) {
                rejected.add(new Rejected(a.cellKey(), "given different labels in one request; none is recorded"));
                continue;
            }
            LabelRecord before = current.get(a.cellKey());
            if (before != null && before.isWithdrawn()) {
                before = null; // an undone answer left the cell unlabelled
            }
            if (before != null && before.label().equals(a.label())) {
                unchanged++;
                continue;
            }
            if (before != null && !a.relabel()) {
                rejected.add(new Rejected(a.cellKey(), "already labelled " + AnswersValidator.shown(before.label())
                        + ", not " + AnswersValidator.shown(a.label()) + "; send relabel: true to change it"));
                continue;
            }
            accepted.add(new LabelRecord(a.cellKey(), a.label(), annotator, now, issued.get(a.cellKey()),
                    before != null, SOURCE));
        }
        ledger.appendLabels(accepted);
        CrashPoints.reached("live-labels-appended");
        return new Outcome(accepted, unchanged, rejected);
    }

    /**
     * Takes back the cell's latest answer by appending a relabel to what it was before: its
     * previous label, or "withdrawn" when it had none (the cell can then be asked again).
     *
     * @return the appended record
     * @throws LedgerException when the cell has no answer to take back
     */
    public LabelRecord undo(String cellKey) {
        List<LabelRecord> history = ledger.records().stream().filter(r -> r.cellKey().equals(cellKey)).toList();
        if (history.isEmpty() || history.get(history.size() - 1).isWithdrawn()) {
            throw new LedgerException("cell " + AnswersValidator.shown(cellKey == null ? "" : cellKey)
                    + " has no answer to undo");
        }
        String previous = history.size() >= 2 ? history.get(history.size() - 2).label() : LabelRecord.WITHDRAWN;
        Integer round = ledger.issuedCells().get(cellKey);
        LabelRecord r = new LabelRecord(cellKey, previous, annotator,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), round == null ? 0 : round, true,
                SOURCE + ":undo");
        ledger.appendLabels(List.of(r));
        return r;
    }
}
