package io.newsgraph.articles.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.articles.config.ArticlesConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/** Runs this instance's relay on a schedule and publishes the outbox backlog as a gauge. */
@Startup
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final ArticlesConfig config;
    private final OutboxStore store;
    private final RelayWorker worker;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong failedEvents = new AtomicLong();

    public OutboxRelay(ArticlesConfig config, OutboxStore store, ExtractionClient client, MeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.worker = new RelayWorker(store, client, config.relay(), registry);
        Gauge.builder("newsgraph.outbox.backlog", backlog, AtomicLong::get)
                .description("outbox events not yet delivered (pending and failed)").register(registry);
        Gauge.builder("newsgraph.outbox.failed", failedEvents, AtomicLong::get)
                .description("outbox events given up on, waiting for a retry request").register(registry);
    }

    @Scheduled(every = "${newsgraph.articles.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void tick() {
        try {
            worker.drain(20);
            refreshGauges();
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next tick tries again and nothing is lost meanwhile.
            LOG.warnf("outbox relay round failed: %s", e.getMessage());
        }
    }

    /** Delivers what is due now; for tests and operators. */
    public int drainNow() {
        int n = worker.drain(1000);
        refreshGauges();
        return n;
    }

    public void refreshGauges() {
        backlog.set(store.backlog());
        failedEvents.set(store.failedCount());
    }

    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final ArticlesConfig config;

        public RelayDisabled(ArticlesConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relay().enabled();
        }
    }
}
