package org.cellactive.learning.ledger;

/** A ledger folder that cannot be used as asked; the message names the file and the reason. */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
