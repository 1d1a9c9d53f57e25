package io.newsgraph.entities.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.entities.config.EntitiesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a graph write (one transaction) again when it lost a race with another writer: a deadlock PostgreSQL broke, a
 * serialisation failure, an entity deleted or a key created between lookup and write. Each attempt starts from
 * scratch in a new transaction, so what it sees is fresh; the rolled-back attempt left nothing behind.
 */
@ApplicationScoped
public class GraphWriteRetry {

    private static final Logger LOG = Logger.getLogger(GraphWriteRetry.class);

    /** deadlock_detected, serialization_failure, foreign_key_violation, unique_violation */
    private static final Set<String> RACES = Set.of("40P01", "40001", "23503", "23505");

    @Inject
    EntitiesConfig config;

    @Inject
    MeterRegistry metrics;

    public <T> T run(Supplier<T> write) {
        int attempts = config.write().attempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isRace(e)) {
                    throw e;
                }
                metrics.counter("newsgraph.graph.write.retries").increment();
                LOG.debugf("graph write lost a race (attempt %d of %d): %s", attempt, attempts, e);
                pause(attempt);
            }
        }
    }

    static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GraphChangedException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && RACES.contains(s.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a graph write", e);
        }
    }
}
