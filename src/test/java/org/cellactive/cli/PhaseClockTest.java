package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseClockTest {

    @Test
    void lapsAreTheTimeSinceThePreviousOneAndTotalCoversThem() throws InterruptedException {
        PhaseClock clock = new PhaseClock();
        Thread.sleep(30);
        clock.lap("first");
        Thread.sleep(20);
        clock.lap("second");
        clock.lap("first"); // a phase met twice adds up
        Map<String, Long> wall = clock.millis();
        assertEquals(List.of("process_start_to_main", "first", "second", "total"), List.copyOf(wall.keySet()));
        assertTrue(wall.get("first") >= 30 && wall.get("second") >= 20, wall.toString());
        assertTrue(wall.get("total") >= wall.get("first") + wall.get("second"), wall.toString());
        Map<String, Long> cpu = clock.cpuMillis();
        assertEquals(List.of("before_command", "first", "second", "total"), List.copyOf(cpu.keySet()));
        assertTrue(cpu.get("total") >= cpu.get("before_command"), cpu.toString());
    }
}
