package org.cellactive.cli;

/**
 * Every command's exit codes, one table (the README repeats it). A scheduled job branches on
 * these, so each code means one thing whichever command returns it.
 *
 * <ul>
 *   <li>{@link #OK}: the work is done. Rejected boxes or files are listed in the rejects table and
 *       counted in the summary line; they do not fail a job.</li>
 *   <li>{@link #PARTIAL}: part of the work was done, the rest reported (e.g. {@code label} imported
 *       the good lines and listed the bad ones).</li>
 *   <li>{@link #INPUT}: an input is missing or unreadable; nothing was written.</li>
 *   <li>{@link #REJECTS_EXCEEDED}: more boxes were rejected than {@code --max-reject-fraction}
 *       allows (everything was still written), or {@code --fail-fast} met a reject.</li>
 *   <li>{@link #USAGE}: bad options (sysexits' EX_USAGE).</li>
 *   <li>{@link #INTERNAL}: anything else: a failed Spark job, a bug (sysexits' EX_SOFTWARE); the
 *       stack trace goes to stderr.</li>
 * </ul>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int PARTIAL = 1;
    public static final int INPUT = 2;
    public static final int REJECTS_EXCEEDED = 3;
    public static final int USAGE = 64;
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
