package org.cellactive.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTimesTest {

    @Test
    void summaryAddsTasksPerStageAndSetsThemAgainstTheCoreSeconds() {
        List<TaskTimes.Task> tasks = List.of(
                new TaskTimes.Task(7, 1000, 800),
                new TaskTimes.Task(3, 100, 50),
                new TaskTimes.Task(7, 500, 400));
        // 1.6 s inside tasks of 2 cores x 1 s: 80%. Stages in id order.
        assertEquals("- wall 1.00 s x 2 cores = 2.00 core-s:"
                        + " [1 tasks: run 0.10 s, cpu 0.05 s, longest 0.10 s]"
                        + " [2 tasks: run 1.50 s, cpu 1.20 s, longest 1.00 s]"
                        + "; tasks busy 80% of the core-seconds",
                TaskTimes.summary(tasks, 1.0, 2));
    }
}
