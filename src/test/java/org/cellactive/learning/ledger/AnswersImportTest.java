package org.cellactive.learning.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cellactive.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-answer case of the label command, and what it keeps. */
class AnswersImportTest {
    static final List<String> CLASSES = List.of("RBC", "WBC", "Platelets");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path ledgerDir;

    @BeforeEach
    void ledger() {
        ledgerDir = tmp.resolve("ledger");
        LedgerFixture.withBatch(ledgerDir, CLASSES, "Img_00_00", "Img_00_01", "Img_01_00", "Img_01_01", "-Img_02_00");
    }

    Path file(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    ImportPlan importFile(Path answers, boolean relabel) {
        return LabelImport.run(ledgerDir, answers, relabel, "tester", CLOCK);
    }

    @Test
    void everyBadLineIsReportedByLineAndEveryGoodLineKept() throws Exception {
        Path answers = file("answers.csv", String.join("\n",
                "cell_key,label",                // 1
                "Img_00_00,RBC",                 // 2 good
                "Img_99_00,RBC",                 // 3 unknown key
                "Img_00_01,Monocyte",            // 4 unknown class
                "Img_01_00,",                    // 5 empty label
                ",WBC",                          // 6 empty key
                "Img_01_01,WBC",                 // 7 conflicts with line 8
                "Img_01_01,RBC",                 // 8
                "'-Img_02_00,Platelets",         // 9 good: guarded key round-trips
                "Img_00_00,RBC",                 // 10 harmless repeat of line 2
                "Img_01_01,WBC",                 // 11 agrees with line 7, but the cell is in conflict
                ""));
        ImportPlan plan = importFile(answers, false);
        assertEquals(List.of("Img_00_00", "-Img_02_00"), plan.accepted().stream().map(LabelRecord::cellKey).toList());
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 11), plan.problems().stream().map(AnswerProblem::line).toList());
        assertEquals(List.of(AnswerProblem.Kind.UNKNOWN_CELL_KEY, AnswerProblem.Kind.UNKNOWN_CLASS,
                AnswerProblem.Kind.EMPTY_LABEL, AnswerProblem.Kind.EMPTY_CELL_KEY, AnswerProblem.Kind.CONFLICT_IN_FILE,
                AnswerProblem.Kind.CONFLICT_IN_FILE, AnswerProblem.Kind.CONFLICT_IN_FILE), plan.problems().stream().map(AnswerProblem::kind).toList());
        assertTrue(plan.problems().get(0).toString().startsWith("answers.csv:3: unknown cell key 'Img_99_00'"));
        Map<String, LabelRecord> labels = LabelLedger.open(ledgerDir).currentLabels();
        assertEquals("RBC", labels.get("Img_00_00").label());
        assertEquals("Platelets", labels.get("-Img_02_00").label());
        LabelRecord r = labels.get("Img_00_00");
        assertEquals("tester", r.annotator());
        assertEquals("2026-11-25T12:00:00Z", r.answeredAt());
        assertEquals(1, r.round());
        assertEquals("answers.csv:2", r.source());
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        Path answers = file("answers.csv", "cell_key,label\nImg_00_00,RBC\nImg_01_00,WBC\n");
        assertEquals(2, importFile(answers, false).accepted().size());
        List<LabelRecord> before = LabelLedger.open(ledgerDir).records();
        ImportPlan again = importFile(answers, false);
        assertEquals(0, again.accepted().size());
        assertEquals(2, again.unchanged());
        assertEquals(before, LabelLedger.open(ledgerDir).records());
        assertEquals(1, Files.list(ledgerDir.resolve("labels")).count(), "no empty label file is written");
    }

    @Test
    void aConflictingRelabelIsRefusedUnlessAskedForAndThenRecorded() throws Exception {
        importFile(file("first.csv", "cell_key,label\nImg_00_00,RBC\nImg_00_01,RBC\n"), false);
        Path second = file("second.csv", "cell_key,label\nImg_00_00,WBC\nImg_00_01,RBC\n");
        ImportPlan refused = importFile(second, false);
        assertEquals(List.of(AnswerProblem.Kind.CONFLICTING_RELABEL),
                refused.problems().stream().map(AnswerProblem::kind).toList());
        assertEquals(2, refused.problems().get(0).line());
        assertEquals("RBC", LabelLedger.open(ledgerDir).currentLabels().get("Img_00_00").label());

        ImportPlan relabelled = importFile(second, true);
        assertEquals(1, relabelled.accepted().size());
        assertTrue(relabelled.accepted().get(0).relabel());
        assertEquals("WBC", LabelLedger.open(ledgerDir).currentLabels().get("Img_00_00").label());
        // The ledger keeps both answers: append-only.
        assertEquals(List.of("RBC", "WBC"), LabelLedger.open(ledgerDir).records().stream()
                .filter(x -> x.cellKey().equals("Img_00_00")).map(LabelRecord::label).toList());
        assertEquals(0, importFile(second, true).accepted().size(), "a relabel imported twice changes nothing");
    }

    @Test
    void unusableFilesAreRefusedWhole() throws Exception {
        LedgerException noHeader = assertThrows(LedgerException.class,
                () -> importFile(file("nohead.csv", "key,class\nImg_00_00,RBC\n"), false));
        assertTrue(noHeader.getMessage().contains("nohead.csv") && noHeader.getMessage().contains("cell_key and label"));
        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, "cell_key,label\nImg_00_00,RB\u00c9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(LedgerException.class, () -> importFile(latin1, false)).getMessage()
                .contains("not UTF-8"));
        assertTrue(assertThrows(LedgerException.class, () -> importFile(tmp.resolve("absent.csv"), false))
                .getMessage().contains("no such answers file"));
        assertTrue(assertThrows(LedgerException.class, () -> LabelImport.run(tmp.resolve("nowhere"),
                file("a.csv", "cell_key,label\n"), false, "t", CLOCK)).getMessage().contains("not a label ledger"));
    }

    @Test
    void byteOrderMarkSpacesAndCrlfAreAccepted() throws Exception {
        ImportPlan plan = importFile(file("excel.csv", "\uFEFFcell_key , label\r\n Img_00_00 , RBC \r\nImg_01_00,WBC\r\n"),
                false);
        assertEquals(List.of(), plan.problems());
        assertEquals(2, plan.accepted().size());
    }

    @Test
    void theLabelCommandExitsNonZeroAndPrintsEveryProblem() throws Exception {
        Path answers = file("answers.csv", "cell_key,label\nImg_00_00,RBC\nnope,RBC\n");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("label", "--ledger", ledgerDir.toString(), "--answers", answers.toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(1, status);
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("answers.csv:3: unknown cell key 'nope'"));
        assertEquals("RBC", LabelLedger.open(ledgerDir).currentLabels().get("Img_00_00").label(), "valid line kept");
        assertEquals(0, Main.run("label", "--ledger", ledgerDir.toString(), "--answers",
                file("ok.csv", "cell_key,label\nImg_00_00,RBC\n").toString()));
        assertEquals(2, Main.run("label", "--ledger", ledgerDir.toString(), "--answers",
                tmp.resolve("missing.csv").toString()));
    }

    @Test
    void aStaleTemporaryFileOfAKilledWriteIsRemovedAndIgnored() throws Exception {
        Path stale = ledgerDir.resolve("labels").resolve(AtomicFiles.TEMP_PREFIX + "dead-000001.csv");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "cell_key,label,annot");
        importFile(file("answers.csv", "cell_key,label\nImg_00_00,RBC\n"), false);
        assertFalse(Files.exists(stale));
        assertEquals(1, LabelLedger.open(ledgerDir).records().size());
    }

    @Test
    void theClassListIsFixedWhenTheLedgerIsCreated() {
        assertThrows(LedgerException.class, () -> LabelLedger.openOrCreate(ledgerDir, List.of("RBC", "WBC")));
        assertEquals(CLASSES, LabelLedger.openOrCreate(ledgerDir, null).classes());
        assertThrows(LedgerException.class, () -> LabelLedger.openOrCreate(tmp.resolve("new"), List.of("A", "A")));
        assertThrows(LedgerException.class, () -> LabelLedger.openOrCreate(tmp.resolve("new2"), null));
    }
}
