package io.newsgraph.articles.outbox;

import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.contract.ExtractionContract;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Speaks the extraction contract to entities-service. The JDK client suffices: two plain requests, no retries of its
 * own (the relay owns retry policy).
 */
@ApplicationScoped
public class ExtractionClient {

    /**
     * The receiver's answer; status 0 means no answer at all (connection refused, timeout). {@code error} is what the
     * article shows ({@link DeliveryErrors}: a stable code, no internals); {@code detail} the cause, for the log.
     */
    public record Result(int status, String error, String detail) {
        public boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final ArticlesConfig config;
    private final RelayIdentity identity;
    private final DeliveryTracing tracing;
    private final HttpClient http;

    public ExtractionClient(ArticlesConfig config, RelayIdentity identity, DeliveryTracing tracing) {
        this.config = config;
        this.identity = identity;
        this.tracing = tracing;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Result deliver(OutboxEvent event) {
        DeliveryTracing.Delivery delivery = tracing.start(event);
        Result result = send(event, delivery.headers());
        delivery.end(result.status());
        return result;
    }

    private Result send(OutboxEvent event, java.util.Map<String, String> traceHeaders) {
        String base = config.entities().baseUrl().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + ExtractionContract.itemPath(event.articleId().toString())))
                .timeout(config.entities().requestTimeout());
        identity.authorization().ifPresent(token -> request.header("Authorization", token));
        traceHeaders.forEach(request::header);
        if (event.type() == OutboxEvent.Type.ArticleChanged) {
            request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(event.payload()));
        } else {
            request.DELETE();
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result(status, null, null);
            }
            String body = response.body() == null ? "" : response.body();
            return new Result(status, DeliveryErrors.refused(status, body),
                    "HTTP " + status + (body.isBlank() ? "" : ": " + abbreviate(body)));
        } catch (IOException e) {
            return new Result(0, DeliveryErrors.noAnswer(e),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, DeliveryErrors.interrupted(), "interrupted");
        }
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
