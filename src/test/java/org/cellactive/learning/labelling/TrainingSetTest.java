package org.cellactive.learning.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.LiveAnswers;
import org.cellactive.learning.ledger.RoundInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one builder of training data from a ledger: what it trains on, what it leaves out, what it refuses. */
class TrainingSetTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    /** A ledger whose round 1 issued the keys, with stored features for all but {@code unstored}. */
    static LabelLedger ledger(Path dir, List<String> keys, String unstored) {
        LabelLedger ledger = LabelLedger.openOrCreate(dir, List.of("RBC", "WBC"));
        Path staging = ledger.stageRound(1);
        LedgerFeatures.write(staging, List.of("f"), keys.stream().filter(k -> !k.equals(unstored))
                .map(k -> new BatchCell(k, "img", "file:/img.jpg", 1, 1, 9, 9, new double[] {k.charAt(0)})).toList());
        ledger.commitRound(staging, RoundInfo.builder(1).picking("cold-start", keys.size(), 1).coldStart(true)
                .model(List.of(), List.of("f"), Map.of()).createdAt("2026-12-06T08:00:00Z").build(),
                keys.stream().map(k -> new LabelLedger.BatchEntry(k, "img")).toList());
        return ledger;
    }

    @Test
    void unsureAndUndoneAnswersAreNeverTrainedOn() {
        LabelLedger ledger = ledger(tmp, List.of("a", "b", "c", "d"), null);
        LiveAnswers live = new LiveAnswers(ledger, "test", CLOCK);
        LiveAnswers.Outcome o = live.post(List.of(new LiveAnswers.Answer("a", "RBC", false, false),
                new LiveAnswers.Answer("b", "WBC", false, false), new LiveAnswers.Answer("c", null, true, false),
                new LiveAnswers.Answer("d", "RBC", false, false)));
        assertEquals(4, o.accepted().size());
        LabelRecord undone = live.undo("d");
        assertEquals(LabelRecord.WITHDRAWN, undone.label());
        assertTrue(undone.relabel());

        TrainingSet t = TrainingSet.of(ledger, ledger.currentLabels());
        assertEquals(List.of("RBC", "WBC"), t.trainedClasses());
        List<LabelledCell> cells = t.cells(List.of("f"));
        assertEquals(List.of("a", "b"), cells.stream().map(LabelledCell::key).toList());
        assertEquals(List.of(0, 1), cells.stream().map(LabelledCell::label).toList());
        assertEquals((double) 'b', cells.get(1).features()[0]);
        // Unsure cells are not asked again; an undone first answer makes its cell askable again.
        assertEquals(Set.of("a", "b", "c"), t.answeredKeys());
        assertEquals(2, t.labelledCount());
        assertEquals(Map.of("RBC", 1, "WBC", 1), t.perClass());

        // Answering the undone cell again is a new label, not a relabel; undoing twice restores.
        assertEquals(1, live.post(List.of(new LiveAnswers.Answer("d", "WBC", false, false))).accepted().size());
        assertEquals("WBC", ledger.currentLabels().get("d").label());
        assertEquals(LabelRecord.WITHDRAWN, live.undo("d").label());
        assertThrows(LedgerException.class, () -> live.undo("d"), "nothing left to undo");
    }

    /** serve's cache of committed rounds' features gives what a fresh read gives, and sees a new round. */
    @Test
    void cachedFeaturesMatchAFreshReadRoundAfterRound() {
        LabelLedger ledger = ledger(tmp, List.of("a", "b"), null);
        LiveAnswers live = new LiveAnswers(ledger, "test", CLOCK);
        live.post(List.of(new LiveAnswers.Answer("a", "RBC", false, false),
                new LiveAnswers.Answer("b", "WBC", false, false)));
        LedgerFeatures.Cache cache = new LedgerFeatures.Cache();
        TrainingSet first = TrainingSet.of(ledger, ledger.currentLabels());
        assertEquals(first.cells(List.of("f")), first.cells(List.of("f"), cache));

        Path staging = ledger.stageRound(2);
        LedgerFeatures.write(staging, List.of("f"), List.of(new BatchCell("e", "img", "file:/img.jpg", 1, 1, 9, 9,
                new double[] {42})));
        ledger.commitRound(staging, RoundInfo.builder(2).picking("cold-start", 1, 1).coldStart(true)
                .model(List.of(), List.of("f"), Map.of()).createdAt("2026-12-06T08:01:00Z").build(),
                List.of(new LabelLedger.BatchEntry("e", "img")));
        live.post(List.of(new LiveAnswers.Answer("e", "WBC", false, false)));
        TrainingSet second = TrainingSet.of(ledger, ledger.currentLabels());
        List<LabelledCell> cached = second.cells(List.of("f"), cache);
        assertEquals(second.cells(List.of("f")), cached);
        assertEquals(List.of("a", "b", "e"), cached.stream().map(LabelledCell::key).toList());
        assertEquals(42.0, cached.get(2).features()[0]);
    }

    @Test
    void aLabelledCellWithoutStoredFeaturesIsAnErrorNotANull() {
        // score used to build its training set without this check and handed MLlib a null vector.
        LabelLedger ledger = ledger(tmp, List.of("a", "b", "e"), "e");
        new LiveAnswers(ledger, "test", CLOCK).post(List.of(new LiveAnswers.Answer("a", "RBC", false, false),
                new LiveAnswers.Answer("b", "WBC", false, false), new LiveAnswers.Answer("e", "WBC", false, false)));
        LedgerException e = assertThrows(LedgerException.class,
                () -> TrainingSet.of(ledger, ledger.currentLabels()).cells(List.of("f")));
        assertTrue(e.getMessage().contains("no stored features for labelled cell e"), e.getMessage());
    }

    @Test
    void oneClassIsNotEnoughToFit() {
        LabelLedger ledger = ledger(tmp, List.of("a", "b"), null);
        new LiveAnswers(ledger, "test", CLOCK).post(List.of(new LiveAnswers.Answer("a", "RBC", false, false)));
        TrainingSet t = TrainingSet.of(ledger, ledger.currentLabels());
        assertEquals(false, t.canFit());
        assertThrows(LedgerException.class, t::classes);
    }

    @Test
    void theReservedNamesCannotBeClasses() {
        assertThrows(LedgerException.class,
                () -> LabelLedger.openOrCreate(tmp.resolve("x"), List.of("RBC", LabelRecord.UNSURE)));
        assertThrows(LedgerException.class,
                () -> LabelLedger.openOrCreate(tmp.resolve("y"), List.of(LabelRecord.WITHDRAWN, "RBC")));
    }
}
