package org.cellactive.cli;

/** One-line errors for people, returned as exit codes ({@link ExitCodes}). */
public final class CliErrors {
    /** Bad options. */
    public static final int USAGE = ExitCodes.USAGE;
    /** A missing or unreadable input. */
    public static final int INPUT = ExitCodes.INPUT;

    private CliErrors() {
    }

    public static int usage(String command, String message) {
        System.err.println(command + ": error: " + message);
        return USAGE;
    }

    public static int input(String command, String message) {
        System.err.println(command + ": error: " + message);
        return INPUT;
    }
}
