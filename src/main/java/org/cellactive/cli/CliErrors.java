package org.cellactive.cli;

/** One-line errors for people, with the exit codes every command uses. */
public final class CliErrors {
    /** Bad options. */
    public static final int USAGE = 64;
    /** A missing or unreadable input. */
    public static final int INPUT = 2;

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
