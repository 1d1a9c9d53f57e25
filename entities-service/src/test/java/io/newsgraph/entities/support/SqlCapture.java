package io.newsgraph.entities.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the distinct SQL statements the service runs, from the loggers {@link SqlCaptureProfile} enables. */
public final class SqlCapture extends Handler {

    private static final List<String> LOGGERS = List.of("org.hibernate.SQL", "io.newsgraph.entities.persistence.GraphSql");

    private static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile("\u001B\\[[;\\d]*m");

    private final Set<String> statements = new ConcurrentSkipListSet<>();

    public static SqlCapture start() {
        SqlCapture capture = new SqlCapture();
        capture.setLevel(Level.ALL);
        LOGGERS.forEach(name -> Logger.getLogger(name).addHandler(capture));
        return capture;
    }

    public void stop() {
        LOGGERS.forEach(name -> Logger.getLogger(name).removeHandler(this));
    }

    public Set<String> statements() {
        return Set.copyOf(statements);
    }

    public void clear() {
        statements.clear();
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message != null && !message.isBlank()) {
            // Hibernate may colour the SQL it logs
            statements.add(ANSI.matcher(message).replaceAll("").strip());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
