package io.newsgraph.service;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, pool exhausted) from a real fault, so clients get a
 * retryable 503 instead of a 500 while PostgreSQL is away.
 */
public final class DatabaseFailures {

    private static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";

    private DatabaseFailures() {
    }

    /**
     * Looks through causes and suppressed exceptions: a commit that fails while the connection goes away carries the
     * PostgreSQL error only as a suppressed exception.
     */
    public static boolean isUnavailable(Throwable failure) {
        return isUnavailable(failure, 0);
    }

    private static boolean isUnavailable(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        // Hibernate's JDBCConnectionException by name: this module does not depend on Hibernate
        if (HIBERNATE_CONNECTION_FAILURE.equals(t.getClass().getName())
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P: operator intervention (admin shutdown, crash, cannot connect now).
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            String message = sql.getMessage();
            if (message != null && message.contains("acquisition timeout")) {
                return true;
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isUnavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && isUnavailable(t.getCause(), depth + 1);
    }
}
