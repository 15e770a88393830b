package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cellactive.testing.Bccd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code demo} looks for BCCD, and what it tells a user when it cannot get it. */
class BccdLocationTest {
    @Test
    void findsTheLayoutFromTheCloneRootOrTheBccdFolder() {
        Path bccd = Bccd.root().resolve("BCCD");
        assertEquals(bccd, BccdLocation.bccdFolder(Bccd.root()));
        assertEquals(bccd, BccdLocation.bccdFolder(bccd));
    }

    @Test
    void aFolderWithoutTheLayoutIsNotBccd(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("BCCD/Annotations"));
        assertNull(BccdLocation.bccdFolder(dir), "JPEGImages is missing");
    }

    @Test
    void theManualStepsNameTheRepositoryThePinnedCommitAndTheOption() {
        String steps = BccdLocation.manualSteps(Path.of("data/BCCD_Dataset"));
        assertTrue(steps.contains("git clone " + BccdLocation.REPOSITORY + " data/BCCD_Dataset"), steps);
        assertTrue(steps.contains("checkout " + BccdLocation.PINNED_COMMIT), steps);
        assertTrue(steps.contains("--data DIR"), steps);
    }
}
