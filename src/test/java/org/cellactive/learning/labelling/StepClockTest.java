package org.cellactive.learning.labelling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepClockTest {
    @Test
    void eachLapTimesTheStepSinceThePreviousOneAndRepeatedNamesAddUp() {
        Iterator<Long> ticks = List.of(0L, 1_500_000_000L, 1_750_000_000L, 4_000_000_000L).iterator();
        StepClock clock = new StepClock(ticks::next);
        clock.lap("read");
        clock.lap("fit");
        clock.lap("read");
        assertEquals(Map.of("read", 3750.0, "fit", 250.0), clock.millis());
        assertEquals(List.of("read", "fit"), List.copyOf(clock.millis().keySet()));
        assertEquals(4.0, clock.totalSeconds(), 1e-12);
        assertEquals("read 3.75 s, fit 0.25 s", clock.describe());
    }
}
