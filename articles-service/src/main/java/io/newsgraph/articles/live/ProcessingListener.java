package io.newsgraph.articles.live;

import io.newsgraph.articles.config.ArticlesConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Listens on the channel {@code article_processing} (filled by the article table's trigger, on commit only) over one
 * connection of its own per replica, outside the pool: a listening connection is held for the life of the process.
 * When that connection breaks (database restart, network), it reconnects with a growing delay and then has the feed
 * re-read every watched article, since announcements made while it was away are lost.
 */
@ApplicationScoped
public class ProcessingListener {

    static final String CHANNEL = "article_processing";
    private static final long CHECK_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();
    private static final Logger LOG = Logger.getLogger(ProcessingListener.class);

    private final ProcessingFeed feed;
    private final ArticlesConfig.Live config;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public ProcessingListener(ProcessingFeed feed, ArticlesConfig config) {
        this.feed = feed;
        this.config = config.live();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().daemon().name("article-processing-listener").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Duration delay = config.reconnectDelay();
        boolean reconnected = false;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                delay = config.reconnectDelay();
                if (reconnected) {
                    LOG.info("listening for processing changes again");
                    feed.resync();
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] batch = pg.getNotifications((int) config.pollTimeout().toMillis());
                    if (batch == null || batch.length == 0) {
                        // A peer that vanished without closing the socket is silent, not an error: ask it now and then.
                        if (System.nanoTime() - checked > CHECK_INTERVAL_NANOS) {
                            if (!c.isValid(5)) {
                                throw new SQLException("listening connection no longer valid");
                            }
                            checked = System.nanoTime();
                        }
                        continue;
                    }
                    Set<UUID> ids = new LinkedHashSet<>();
                    for (PGNotification n : batch) {
                        try {
                            ids.add(UUID.fromString(n.getParameter()));
                        } catch (IllegalArgumentException ignored) {
                            // not ours
                        }
                    }
                    feed.changed(ids);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("processing-change listener lost its connection (%s); reconnecting in %d ms", e.getMessage(), delay.toMillis());
                reconnected = true;
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(config.maxReconnectDelay()) > 0 ? config.maxReconnectDelay() : delay.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    /** The service's own datasource settings: the same database and credentials as the pool. */
    private static Connection open() throws SQLException {
        var cfg = ConfigProvider.getConfig();
        Properties p = new Properties();
        cfg.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> p.setProperty("user", u));
        cfg.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", "articles-service processing listener");
        // Dead peers are noticed by the periodic poll's round trip at the latest.
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(cfg.getValue("quarkus.datasource.jdbc.url", String.class), p);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
