package io.newsgraph.gateway.subscriptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open WebSocket connections, per client identity and in all: a connection takes a slot when its
 * {@code connection_init} is admitted and gives it back when it closes. Only identities with open connections are
 * kept, so the table is as large as the connections are many.
 */
public final class ConnectionLimits {

    /** A taken slot; {@link #release()} gives it back once, however often it is called. */
    public interface Slot {
        void release();
    }

    private final int perClient;
    private final int total;
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();
    private final AtomicInteger all = new AtomicInteger();

    public ConnectionLimits(int perClient, int total) {
        this.perClient = perClient;
        this.total = total;
    }

    /** A slot for {@code client}, or a refusal (close code 4429) when it or the gateway is at its limit. */
    public Slot acquire(String client) {
        if (all.incrementAndGet() > total) {
            all.decrementAndGet();
            throw new GraphQLWsConnection.Refusal(GraphQLWs.TOO_MANY_REQUESTS,
                    "TOO_MANY_CONNECTIONS: the gateway is at its connection limit (max-connections)");
        }
        boolean[] admitted = {false};
        byClient.compute(client, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= perClient) {
                return n;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            all.decrementAndGet();
            throw new GraphQLWsConnection.Refusal(GraphQLWs.TOO_MANY_REQUESTS,
                    "TOO_MANY_CONNECTIONS: this client has " + perClient + " connections open (max-connections-per-client)");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                byClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
                all.decrementAndGet();
            }
        };
    }

    public int open() {
        return all.get();
    }

    public int open(String client) {
        return byClient.getOrDefault(client, 0);
    }
}
