package org.cellactive.cli;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's wall time goes, phase by phase, in milliseconds: what {@code extract}
 * writes as {@code timings_ms} in its manifest.
 *
 * <p>The first entry, {@code process_start_to_main}, is the time from the process's start (as
 * the operating system recorded it, 10 ms resolution on Linux) to {@link Main}'s first line: the
 * launcher, the JVM, and loading the classes before {@code main}. It is the same for every
 * command of one JVM (tests run many). Then one entry per {@link #lap}: the time since the
 * previous lap, or since the clock was made. {@code total} is the command's time since the
 * clock was made.
 *
 * <p>{@link #cpuMillis} splits the process's CPU time (every thread: driver, executors in
 * {@code local[*]}, compiler, collector) the same way: on a shared host, where wall time stretches
 * with other people's load, it tells what the run itself spent.
 */
final class PhaseClock {
    private final long started = System.nanoTime();
    private final long cpuStarted = processCpuNanos();
    /** Whole milliseconds from the clock's making to the last lap: laps are differences on this grid. */
    private long lastMillis;
    private long lastCpuMillis;
    private final Map<String, Long> laps = new LinkedHashMap<>();
    private final Map<String, Long> cpuLaps = new LinkedHashMap<>();

    PhaseClock() {
        laps.put("process_start_to_main", Main.processStartToMainMillis());
    }

    /** Ends the phase that began at the previous lap (or at the clock's making). */
    void lap(String phase) {
        // Rounded once, as time since the clock's making, so that the laps add up to the last lap's
        // time exactly and never to more than total (rounding each lap could add up to a millisecond a lap).
        long nowMillis = Math.round((System.nanoTime() - started) / 1e6);
        long cpuMillis = Math.round((processCpuNanos() - cpuStarted) / 1e6);
        laps.merge(phase, nowMillis - lastMillis, Long::sum);
        cpuLaps.merge(phase, cpuMillis - lastCpuMillis, Long::sum);
        lastMillis = nowMillis;
        lastCpuMillis = cpuMillis;
    }

    /** Seconds since the clock was made. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The laps so far, then {@code total}: milliseconds since the clock was made. */
    Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>(laps);
        out.put("total", Math.round((System.nanoTime() - started) / 1e6));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The process's CPU time per lap, then {@code before_command} (from the JVM's start to the
     * clock's making) and {@code total} (the JVM's whole CPU time so far); -1 where the JVM cannot say.
     */
    Map<String, Long> cpuMillis() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("before_command", cpuStarted < 0 ? -1 : Math.round(cpuStarted / 1e6));
        out.putAll(cpuLaps);
        long now = processCpuNanos();
        out.put("total", now < 0 ? -1 : Math.round(now / 1e6));
        return Collections.unmodifiableMap(out);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
