package org.cellactive.annotations;

/**
 * The annotations input as a whole is unusable: a missing path, a folder that cannot
 * be listed or holds no {@code .xml} file, a CSV without the required columns. Unlike
 * a {@link Reject}, this ends the run; the message is one line that names the path,
 * and the CLI turns it into exit code 2.
 */
public class AnnotationsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnnotationsException(String message) {
        super(message);
    }

    public AnnotationsException(String message, Throwable cause) {
        super(message, cause);
    }
}
