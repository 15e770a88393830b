package org.cellactive.experiment;

import org.cellactive.learning.LearnerParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pins the protocol's counting: {@code --rounds N} is N fits, the full pool of 300 with seed 5 is 296. */
class SimulationSettingsTest {

    private static SimulationSettings settings(int pool, int seedSize, int batchSize, int rounds) {
        return new SimulationSettings("binary", SimulationSettings.classesOf("binary"), List.of("random"), 20, 150,
                pool, seedSize, batchSize, rounds, 42, 1, 4, LearnerParams.DEFAULTS);
    }

    /** Labels of the fit of {@code round} (0 = the seed set), as StrategyRun labels the pool. */
    private static int labelsAtRound(SimulationSettings s, int round) {
        return Math.min(s.poolSize(), s.seedSize() + round * s.batchSize());
    }

    @Test
    void theFullPoolOf300WithSeed5Is296FitsTheLastOn300Labels() {
        SimulationSettings s = settings(300, 5, 1, 0);
        assertEquals(296, s.roundsPerRun());
        assertEquals(5, labelsAtRound(s, 0));
        assertEquals(300, labelsAtRound(s, s.roundsPerRun() - 1));
        assertEquals("until the pool is empty (296)", s.describe().get("rounds"));
    }

    @Test
    void roundsNIsNFitsOn5To5PlusNMinus1Labels() {
        SimulationSettings s = settings(300, 5, 1, 200);
        assertEquals(200, s.roundsPerRun());
        assertEquals(204, labelsAtRound(s, s.roundsPerRun() - 1));
        // a limit beyond the pool stops at the pool
        assertEquals(296, settings(300, 5, 1, 1000).roundsPerRun());
    }

    @Test
    void batchesRoundTheLastQueryUp() {
        // 295 cells to query in batches of 5: 59 queries, 60 fits, the last on the whole pool
        SimulationSettings s = settings(300, 5, 5, 0);
        assertEquals(60, s.roundsPerRun());
        assertEquals(300, labelsAtRound(s, s.roundsPerRun() - 1));
        // 295 in batches of 10: 30 queries (the last one of 5 cells), 31 fits
        assertEquals(31, settings(300, 5, 10, 0).roundsPerRun());
    }
}
