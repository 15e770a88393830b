package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit-code table of {@link ExitCodes}, through the real command line. */
class ExitCodesTest {
    @TempDir
    Path tmp;

    @AfterAll
    static void stop() {
        CliRun.stopSpark();
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = CliRun.of("extract", "--annotations", "a", "--images", "b", "--out", "c", "--no-such-option");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }

    @Test
    void badStrategyIsAUsageErrorInSimulateAndQuery() {
        CliRun simulate = CliRun.of("simulate", "--cells", tmp.resolve("cells.parquet").toString(), "--out",
                tmp.resolve("sim").toString(), "--strategies", "random,smartest");
        assertEquals(ExitCodes.USAGE, simulate.code(), simulate.err());
        assertTrue(simulate.err().startsWith("simulate: error: ") && simulate.err().contains("smartest"), simulate.err());

        CliRun query = CliRun.of("query", "--cells", tmp.resolve("cells.parquet").toString(), "--ledger",
                tmp.resolve("ledger").toString(), "--batch-size", "5", "--out", tmp.resolve("batch").toString(),
                "--strategy", "smartest");
        assertEquals(ExitCodes.USAGE, query.code(), query.err());
        assertTrue(query.err().contains("smartest"), query.err());
        assertTrue(!Files.exists(tmp.resolve("ledger")), "nothing is written for a usage error");
    }

    @Test
    void unknownSolverIsAUsageErrorBeforeAnythingIsRead() {
        for (String command : new String[] {"query", "score"}) {
            CliRun r = command.equals("query")
                    ? CliRun.of("query", "--cells", tmp.resolve("nowhere.parquet").toString(), "--ledger",
                            tmp.resolve("ledger").toString(), "--batch-size", "5", "--out", tmp.resolve("b").toString(),
                            "--solver", "newton")
                    : CliRun.of("score", "--cells", tmp.resolve("nowhere.parquet").toString(), "--ledger",
                            tmp.resolve("ledger").toString(), "--out", tmp.resolve("s").toString(), "--solver", "newton");
            assertEquals(ExitCodes.USAGE, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("--solver") && r.err().contains("newton"), r.err());
        }
    }

    @Test
    void missingAnswersFileIsAnInputError() {
        CliRun r = CliRun.of("label", "--ledger", tmp.resolve("ledger").toString(), "--answers",
                tmp.resolve("answers.csv").toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("label: error: ") && r.err().lines().count() == 1, r.err());
    }

    @Test
    void missingCellsTableIsAnInputError() {
        CliRun r = CliRun.of("simulate", "--cells", tmp.resolve("nowhere.parquet").toString(), "--out",
                tmp.resolve("sim").toString(), "--master", "local[1]");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertTrue(r.err().contains("nowhere.parquet"), r.err());
    }

}
