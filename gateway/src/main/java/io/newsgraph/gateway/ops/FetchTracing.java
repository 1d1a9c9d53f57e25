package io.newsgraph.gateway.ops;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.newsgraph.gateway.executor.FetchTracer;
import io.newsgraph.gateway.planner.FetchNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * OpenTelemetry spans of subgraph fetches: one client span per query-plan fetch, named for its subgraph, a child of
 * the request's server span, its context sent to the subgraph as W3C {@code traceparent}/{@code tracestate}. With
 * tracing off (the SDK disabled) spans are no-ops and the client's own trace headers go on unchanged. Attributes
 * name the subgraph and the operation only: never variables, tokens or documents.
 */
@ApplicationScoped
public class FetchTracing implements FetchTracer {

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    /**
     * @param off whether the SDK is disabled: the OpenTelemetry Quarkus provides then still starts spans, fresh traces
     *            with no server span to parent them, which would replace the caller's {@code traceparent}
     */
    public FetchTracing(OpenTelemetry otel, @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean off) {
        OpenTelemetry used = off ? OpenTelemetry.noop() : otel;
        this.tracer = used.getTracer("io.newsgraph.gateway");
        this.propagator = used.getPropagators().getTextMapPropagator();
    }

    @Override
    public Object capture() {
        return Context.current();
    }

    @Override
    public Traced start(Object parent, FetchNode fetch, String operationName, Map<String, String> headers) {
        Context context = parent instanceof Context c ? c : Context.current();
        var builder = tracer.spanBuilder("subgraph " + fetch.serviceName()).setParent(context).setSpanKind(SpanKind.CLIENT)
                .setAttribute("subgraph.name", fetch.serviceName())
                .setAttribute("graphql.operation.type", fetch.isMutation() ? "mutation" : "query")
                .setAttribute("newsgraph.fetch.entities", fetch.isEntityFetch());
        if (operationName != null) {
            builder.setAttribute("graphql.operation.name", operationName);
        }
        Span span = builder.startSpan();
        if (!span.getSpanContext().isValid()) {
            return NONE.start(null, fetch, operationName, headers);
        }
        Map<String, String> out = new HashMap<>(headers);
        out.remove("traceparent");
        out.remove("tracestate");
        propagator.inject(context.with(span), out, (carrier, key, value) -> carrier.put(key, value));
        return new Traced() {
            @Override
            public Map<String, String> headers() {
                return out;
            }

            @Override
            public void end(String outcome) {
                span.setAttribute("newsgraph.fetch.outcome", outcome);
                if (!"success".equals(outcome)) {
                    span.setStatus(StatusCode.ERROR, outcome);
                }
                span.end();
            }
        };
    }
}
