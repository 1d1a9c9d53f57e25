package io.newsgraph.articles.outbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts {@link FakeReceiver} and points the relay at it, with backoff long enough that a retry is never due within one drain (tests make retries due explicitly). */
public class ReceiverResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = FakeReceiver.INSTANCE.start();
        return Map.of(
                "newsgraph.articles.entities.base-url", "http://127.0.0.1:" + port,
                "newsgraph.articles.entities.request-timeout", "2s",
                "newsgraph.articles.relay.initial-backoff", "1s",
                "newsgraph.articles.relay.max-backoff", "2s",
                "newsgraph.articles.relay.max-attempts", "4",
                "newsgraph.articles.relay.batch-size", "10");
    }

    @Override
    public void stop() {
        FakeReceiver.INSTANCE.stop();
    }
}
