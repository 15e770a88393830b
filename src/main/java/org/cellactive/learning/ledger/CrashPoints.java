package org.cellactive.learning.ledger;

/**
 * Fault injection for the resume tests: when the system property
 * {@code cellactive.crashAt} names a point, the JVM halts there at once, as a kill
 * would, with no shutdown hooks and no cleanup. Unset in normal runs.
 */
public final class CrashPoints {
    public static final String PROPERTY = "cellactive.crashAt";
    /** Exit status of a halted JVM, as a SIGKILL gives. */
    public static final int STATUS = 137;

    private CrashPoints() {
    }

    public static void reached(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            System.out.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
