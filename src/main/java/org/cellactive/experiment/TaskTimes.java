package org.cellactive.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Collects every finished task's timing, so a benchmark can set the time spent inside tasks
 * beside the wall time of the jobs: the difference is scheduling, shuffles, idle cores, and
 * other threads (the driver, the JIT compiler, the collector) taking the executors' cores.
 */
public final class TaskTimes extends SparkListener {
    /** One finished task: its stage, its run and CPU time on the executor, and when it began and ended (epoch ms). */
    public record Task(int stageId, long runMs, long cpuMs, long launchMs, long finishMs) {
    }

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return;
        }
        tasks.add(new Task(end.stageId(), m.executorRunTime(), m.executorCpuTime() / 1_000_000,
                end.taskInfo().launchTime(), end.taskInfo().finishTime()));
    }

    /** The tasks seen so far, and forgets them. */
    public synchronized List<Task> drain() {
        List<Task> copy = List.copyOf(tasks);
        tasks.clear();
        return copy;
    }

    /**
     * One line: the run's core-seconds ({@code wall} × {@code cores}), then per stage the tasks'
     * summed run and CPU time and the longest task, then the share of core-seconds spent in tasks,
     * and how long after the run's start ({@code startMs}) the first task began and how long
     * before its end the last one finished: the driver's planning before, the last task alone after.
     */
    public static String summary(List<Task> tasks, long startMs, double wall, int cores) {
        Map<Integer, List<Task>> byStage = new TreeMap<>();
        for (Task t : tasks) {
            byStage.computeIfAbsent(t.stageId(), k -> new ArrayList<>()).add(t);
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "- wall %.2f s x %d cores = %.2f core-s:",
                wall, cores, wall * cores));
        long run = 0;
        for (List<Task> stage : byStage.values()) {
            long stageRun = stage.stream().mapToLong(Task::runMs).sum();
            long stageCpu = stage.stream().mapToLong(Task::cpuMs).sum();
            long longest = stage.stream().mapToLong(Task::runMs).max().orElse(0);
            run += stageRun;
            b.append(String.format(Locale.ROOT, " [%d tasks: run %.2f s, cpu %.2f s, longest %.2f s]",
                    stage.size(), stageRun / 1e3, stageCpu / 1e3, longest / 1e3));
        }
        b.append(String.format(Locale.ROOT, "; tasks busy %.0f%% of the core-seconds",
                100.0 * run / 1e3 / (wall * cores)));
        if (!tasks.isEmpty()) {
            long firstLaunch = tasks.stream().mapToLong(Task::launchMs).min().getAsLong();
            long lastFinish = tasks.stream().mapToLong(Task::finishMs).max().getAsLong();
            b.append(String.format(Locale.ROOT, "; first task began at %.2f s, the last ended %.2f s before the end",
                    (firstLaunch - startMs) / 1e3, (startMs + wall * 1e3 - lastFinish) / 1e3));
        }
        return b.toString();
    }
}
