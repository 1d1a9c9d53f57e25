package io.newsgraph.articles.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Carries a trace across the outbox: the write's trace context is stored with its event ({@link #current()}), and the
 * delivery, however much later and on whichever replica, is a span continuing that trace whose context goes to
 * entities-service in {@code traceparent}. With tracing off every span is a no-op and nothing is stored or sent.
 * Span attributes name the event, never its payload (the article text).
 */
@ApplicationScoped
public class DeliveryTracing {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    /** @param off whether the SDK is disabled: the OpenTelemetry Quarkus provides then still starts spans, which nobody wants. */
    public DeliveryTracing(OpenTelemetry otel, @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean off) {
        OpenTelemetry used = off ? OpenTelemetry.noop() : otel;
        this.tracer = used.getTracer("io.newsgraph.articles");
        this.propagator = used.getPropagators().getTextMapPropagator();
    }

    /** The current trace context as a W3C traceparent, to store with an outbox event; null outside a trace. */
    public String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** One delivery under way: the headers that carry its span, and its end. */
    public interface Delivery {
        Map<String, String> headers();

        void end(int status);
    }

    /** Starts the span of one delivery attempt, continuing the trace the event was written in. */
    public Delivery start(OutboxEvent event) {
        Context parent = event.traceparent() == null ? Context.root()
                : propagator.extract(Context.root(), Map.of("traceparent", event.traceparent()), GETTER);
        Span span = tracer.spanBuilder("outbox delivery").setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute("newsgraph.outbox.event", event.type().name())
                .setAttribute("newsgraph.article.id", event.articleId().toString())
                .setAttribute("newsgraph.article.version", event.articleVersion())
                .setAttribute("newsgraph.outbox.attempt", event.attempts() + 1L).startSpan();
        Map<String, String> headers = new HashMap<>();
        if (span.getSpanContext().isValid()) {
            propagator.inject(parent.with(span), headers, Map::put);
            headers.keySet().retainAll(Set.of("traceparent", "tracestate"));
        }
        return new Delivery() {
            @Override
            public Map<String, String> headers() {
                return headers;
            }

            @Override
            public void end(int status) {
                span.setAttribute("http.response.status_code", (long) status);
                if (status < 200 || status >= 300) {
                    span.setStatus(StatusCode.ERROR, status == 0 ? "no answer" : "HTTP " + status);
                }
                span.end();
            }
        };
    }
}
