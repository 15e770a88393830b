package org.cellactive.experiment;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a progress line every few rounds of a loop: repeat, strategy, round, the overall
 * rate in rounds per second and the time left at that rate.
 */
public final class ProgressPrinter implements Simulation.Listener {

    private final PrintStream out;
    private final int every;
    private final int repeats;
    private final long start = System.nanoTime();

    /**
     * @param every print when a loop's round number is a multiple of this, and at its last round
     */
    public ProgressPrinter(PrintStream out, int every, int repeats) {
        this.out = out;
        this.every = Math.max(1, every);
        this.repeats = repeats;
    }

    @Override
    public void roundDone(int repeat, String strategy, int round, int roundsPerRun, int roundsDone, int roundsTotal) {
        if (round % every != 0 && round != roundsPerRun - 1) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = roundsDone / Math.max(seconds, 1e-9);
        double left = (roundsTotal - roundsDone) / Math.max(rate, 1e-9);
        out.println(String.format(Locale.ROOT,
                "simulate: repeat %d/%d %s round %d/%d | %d/%d rounds, %.1f rounds/s, %s left",
                repeat + 1, repeats, strategy, round + 1, roundsPerRun, roundsDone, roundsTotal, rate, duration(left)));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
