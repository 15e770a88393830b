package org.cellactive.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTimesTest {

    @Test
    void summaryAddsTasksPerStageAndSetsThemAgainstTheCoreSeconds() {
        long start = 1_000_000;
        List<TaskTimes.Task> tasks = List.of(
                new TaskTimes.Task(7, 1000, 800, start + 100, start + 700),
                new TaskTimes.Task(3, 100, 50, start + 50, start + 150),
                new TaskTimes.Task(7, 500, 400, start + 200, start + 850));
        // 1.6 s inside tasks of 2 cores x 1 s: 80%. Stages in id order. The first task began 0.05 s
        // after the start, the last ended at 0.85 s of a 1 s run.
        assertEquals("- wall 1.00 s x 2 cores = 2.00 core-s:"
                        + " [1 tasks: run 0.10 s, cpu 0.05 s, longest 0.10 s]"
                        + " [2 tasks: run 1.50 s, cpu 1.20 s, longest 1.00 s]"
                        + "; tasks busy 80% of the core-seconds"
                        + "; first task began at 0.05 s, the last ended 0.15 s before the end",
                TaskTimes.summary(tasks, start, 1.0, 2));
    }
}
