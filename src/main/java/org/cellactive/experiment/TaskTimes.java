package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Collects every finished task's timing, so a benchmark can set the time spent inside tasks
 * beside the wall time of the jobs: the difference is scheduling, shuffles and idle cores.
 */
public final class TaskTimes extends SparkListener {
    /** One finished task: its stage, wall span on the executor, run and CPU time. */
    public record Task(int stageId, long launchMs, long finishMs, long runMs, long cpuMs, long records) {
    }

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return;
        }
        tasks.add(new Task(end.stageId(), end.taskInfo().launchTime(), end.taskInfo().finishTime(),
                m.executorRunTime(), m.executorCpuTime() / 1_000_000, m.outputMetrics().recordsWritten()));
    }

    /** The tasks seen so far, and forgets them. */
    public synchronized List<Task> drain() {
        List<Task> copy = List.copyOf(tasks);
        tasks.clear();
        return copy;
    }
}
