package io.newsgraph.articles.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.contract.ExtractionContract;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * One relay: claims due events, delivers each, records the outcome. Several workers (threads or replicas) can run at
 * once; the claim query keeps them apart. Not a bean, so tests can run several against one database.
 */
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);

    private final OutboxStore store;
    private final ExtractionClient client;
    private final ArticlesConfig.Relay config;
    private final Backoff backoff;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;

    public RelayWorker(OutboxStore store, ExtractionClient client, ArticlesConfig.Relay config, MeterRegistry registry) {
        this.store = store;
        this.client = client;
        this.config = config;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.delivered = registry.counter("newsgraph.outbox.deliveries", "outcome", "delivered");
        this.retried = registry.counter("newsgraph.outbox.deliveries", "outcome", "retry");
        this.failed = registry.counter("newsgraph.outbox.deliveries", "outcome", "failed");
    }

    /** Claims and delivers one batch; returns how many events it handled (0: nothing due). */
    public int runOnce() {
        List<OutboxEvent> events = store.claim(config.batchSize(), config.lease());
        for (OutboxEvent event : events) {
            ExtractionClient.Result result = client.deliver(event);
            if (result.acknowledged()) {
                store.delivered(event);
                delivered.increment();
            } else {
                int attempts = event.attempts() + 1;
                boolean giveUp = ExtractionContract.isFinal(result.status()) || attempts >= config.maxAttempts();
                Instant retryAt = giveUp ? null : Instant.now().plus(backoff.delay(attempts));
                store.failed(event, result.error(), retryAt);
                (giveUp ? failed : retried).increment();
                if (giveUp) {
                    LOG.warnf("outbox event %d (%s of article %s) failed for good after %d attempts: %s",
                            event.id(), event.type(), event.articleId(), attempts, result.detail());
                } else {
                    LOG.debugf("outbox event %d attempt %d failed: %s", event.id(), attempts, result.detail());
                }
            }
        }
        return events.size();
    }

    /** Runs batches until nothing is due, at most {@code maxBatches}. */
    public int drain(int maxBatches) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int n = runOnce();
            total += n;
            if (n == 0) {
                break;
            }
        }
        return total;
    }
}
