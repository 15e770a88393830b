package org.cellactive.cli;

/** An input that is missing or cannot be read as what it should be: exit {@link ExitCodes#INPUT}. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
