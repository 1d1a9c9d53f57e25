package io.newsgraph.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Hands out fresh, empty PostgreSQL databases to tests.
 *
 * <p>By default one embedded PostgreSQL (a real server started from a Maven artifact) serves the whole test JVM. Set
 * {@code NEWSGRAPH_TEST_DB_URL} (or the system property {@code newsgraph.test.db.url}) to a JDBC URL of an existing
 * server's maintenance database, for example {@code jdbc:postgresql://127.0.0.1:5432/postgres}, to use that server
 * instead; {@code NEWSGRAPH_TEST_DB_USER} and {@code NEWSGRAPH_TEST_DB_PASSWORD} give its credentials (default
 * {@code postgres}, no password). Either way each call creates a new database, so test classes never see each other's
 * rows.
 */
public final class TestDatabases {

    /** Where a fresh database lives and how to log in to it. */
    public record Database(String jdbcUrl, String username, String password, int port) {
    }

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** Creates a new empty database whose name starts with {@code prefix}. */
    public static synchronized Database create(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "")).toLowerCase();
        String configured = setting("newsgraph.test.db.url", "NEWSGRAPH_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            String user = orDefault(setting("newsgraph.test.db.user", "NEWSGRAPH_TEST_DB_USER"), "postgres");
            String password = orDefault(setting("newsgraph.test.db.password", "NEWSGRAPH_TEST_DB_PASSWORD"), "");
            execute(configured, user, password, "CREATE DATABASE " + name);
            String base = configured.substring(0, configured.lastIndexOf('/') + 1);
            return new Database(base + name, user, password, portOf(configured));
        }
        EmbeddedPostgres pg = embedded();
        execute(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", "CREATE DATABASE " + name);
        return new Database(pg.getJdbcUrl("postgres", name), "postgres", "", pg.getPort());
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary anyway
                }
            }));
        }
        return embedded;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database set-up failed at " + url + ": " + e.getMessage(), e);
        }
    }

    private static int portOf(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(jdbcUrl);
        return m.find() ? Integer.parseInt(m.group(1)) : 5432;
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        return v != null ? v : System.getenv(env);
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }
}
