package io.newsgraph.gateway.executor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Non-blocking HTTP to subgraphs over one pooled, keep-alive Vert.x client. Responses complete on the caller's
 * event loop.
 */
public final class VertxSubgraphTransport implements SubgraphTransport, AutoCloseable {

    /** Where and how long to wait, per subgraph id. */
    public record Target(String url, Duration timeout) {
    }

    private final HttpClient client;
    private final ObjectMapper json;
    private volatile Map<String, Target> targets;

    public VertxSubgraphTransport(Vertx vertx, ObjectMapper json, int poolSize, Map<String, Target> targets) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(poolSize)
                .setTcpNoDelay(true).setDecompressionSupported(true)
                // Each fetch has a span of its own (FetchTracer) that sets the trace headers; Vert.x's own would be a second.
                .setTracingPolicy(TracingPolicy.IGNORE));
        this.json = json;
        this.targets = targets;
    }

    public void retarget(Map<String, Target> targets) {
        this.targets = targets;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<SubgraphResponse> send(String graph, byte[] body, Map<String, String> headers) {
        Target target = targets.get(graph);
        CompletableFuture<SubgraphResponse> result = new CompletableFuture<>();
        if (target == null) {
            result.completeExceptionally(new SubgraphException("unknown subgraph " + graph, null));
            return result;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target.url())
                .setTimeout(target.timeout().toMillis())
                .putHeader("content-type", "application/json").putHeader("accept", "application/json");
        headers.forEach(options::putHeader);
        client.request(options)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> new Object[] { resp.statusCode(), b }))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        result.completeExceptionally(new SubgraphException(graph + ": " + ar.cause().getMessage(), ar.cause()));
                        return;
                    }
                    int status = (int) ar.result()[0];
                    Buffer buffer = (Buffer) ar.result()[1];
                    Map<String, Object> parsed;
                    try {
                        parsed = json.readValue(buffer.getBytes(), Map.class);
                    } catch (IOException | RuntimeException e) {
                        result.completeExceptionally(new SubgraphException(graph + ": HTTP " + status + ", body is not JSON", e));
                        return;
                    }
                    if (parsed == null || (!parsed.containsKey("data") && !parsed.containsKey("errors"))) {
                        result.completeExceptionally(new SubgraphException(graph + ": HTTP " + status + ", no GraphQL response", null));
                        return;
                    }
                    Object errors = parsed.get("errors");
                    result.complete(new SubgraphResponse(parsed.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : null,
                            errors instanceof List<?> l ? (List<Map<String, Object>>) l : List.of()));
                });
        return result;
    }

    @Override
    public void close() {
        client.close();
    }
}
