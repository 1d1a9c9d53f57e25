package io.newsgraph.launcher;

/** A step of starting the suite failed; the message says which service, where, and what its log said last. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
