package io.newsgraph.gateway.executor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Identical subgraph requests in flight at the same time share one call: same subgraph, same body (operation
 * text and variables, representations included) and same {@code Authorization}. The first caller sends it; the
 * others wait for its answer and each get a copy of their own, since every request merges the answer into its own
 * result tree. Only for queries: the executor never sends a mutation through here. Trace headers are not part of
 * the key (they differ per request), so the shared call carries the first caller's.
 */
public final class InflightDeduplication implements SubgraphTransport {

    private record Key(String graph, ByteBuffer body, String authorization) {
    }

    /** Callers waiting for one call; closed once the answer is handed out, so a late caller starts a new call. */
    private static final class Flight {
        final List<Waiting> waiting = new ArrayList<>(2);
        boolean closed;
    }

    private record Waiting(CompletableFuture<SubgraphResponse> result, Context context) {
    }

    private final SubgraphTransport delegate;
    private final ConcurrentHashMap<Key, Flight> inflight = new ConcurrentHashMap<>();

    public InflightDeduplication(SubgraphTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletionStage<SubgraphResponse> send(String graph, byte[] body, Map<String, String> headers) {
        Key key = new Key(graph, ByteBuffer.wrap(body), headers.get("authorization"));
        while (true) {
            Flight existing = inflight.get(key);
            if (existing != null) {
                synchronized (existing) {
                    if (!existing.closed) {
                        CompletableFuture<SubgraphResponse> mine = new CompletableFuture<>();
                        existing.waiting.add(new Waiting(mine, Vertx.currentContext()));
                        return mine;
                    }
                }
                inflight.remove(key, existing);
                continue;
            }
            Flight flight = new Flight();
            if (inflight.putIfAbsent(key, flight) == null) {
                return lead(key, flight, graph, body, headers);
            }
        }
    }

    private CompletionStage<SubgraphResponse> lead(Key key, Flight flight, String graph, byte[] body, Map<String, String> headers) {
        CompletableFuture<SubgraphResponse> result = new CompletableFuture<>();
        delegate.send(graph, body, headers).whenComplete((response, failure) -> {
            inflight.remove(key, flight);
            List<Waiting> waiting;
            synchronized (flight) {
                flight.closed = true;
                waiting = flight.waiting;
            }
            // Copies are made before the first caller gets the original and starts merging it.
            for (Waiting w : waiting) {
                SubgraphResponse copy = failure == null ? copy(response) : null;
                Runnable complete = () -> {
                    if (failure != null) {
                        w.result().completeExceptionally(failure);
                    } else {
                        w.result().complete(copy);
                    }
                };
                // Each caller's request continues on its own event loop, as without sharing.
                if (w.context() != null && w.context() != Vertx.currentContext()) {
                    w.context().runOnContext(v -> complete.run());
                } else {
                    complete.run();
                }
            }
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(response);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static SubgraphResponse copy(SubgraphResponse response) {
        Map<String, Object> data = response.data() == null ? null : (Map<String, Object>) copyValue(response.data());
        List<Map<String, Object>> errors = response.errors().isEmpty() ? List.of() : (List<Map<String, Object>>) copyValue(response.errors());
        return new SubgraphResponse(data, errors);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copyValue(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copyValue(v)));
            return out;
        }
        return value;
    }
}
