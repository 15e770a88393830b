package org.cellactive.cli;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Prints "stage: done/total (pct), rate, time left" every few seconds from a
 * background thread while a long Spark action runs. Close it when the action ends.
 */
public final class ProgressLine implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger("org.cellactive.progress");

    private final Thread thread;
    private volatile boolean running = true;

    public ProgressLine(String stage, String unit, long total, LongSupplier done, long periodMillis) {
        long start = System.nanoTime();
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    LOG.info(format(stage, unit, done.getAsLong(), total, (System.nanoTime() - start) / 1e9));
                }
            }
        }, "progress-" + stage);
        thread.setDaemon(true);
        thread.start();
    }

    static String format(String stage, String unit, long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 && total > done ? String.format(Locale.ROOT, ", %.0f s left", (total - done) / rate) : "";
        return String.format(Locale.ROOT, "%s: %,d/%,d %s (%.0f%%), %.0f %s/s%s",
                stage, done, total, unit, total == 0 ? 100.0 : 100.0 * done / total, rate, unit, left);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
