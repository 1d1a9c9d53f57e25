package io.newsgraph.gateway.executor;

import java.util.Map;

import io.newsgraph.gateway.planner.FetchNode;

/**
 * Gives every subgraph fetch of a plan a span of its own, a child of the request's, and the trace headers that
 * carry it to the subgraph. The executor knows no tracing library: {@code ops} implements this with OpenTelemetry.
 */
public interface FetchTracer {

    /** One fetch under way: the headers to send, and the end of its span. */
    interface Traced {
        Map<String, String> headers();

        void end(String outcome);
    }

    /** No spans: the client's own trace headers go on unchanged. */
    FetchTracer NONE = new FetchTracer() {
        @Override
        public Object capture() {
            return null;
        }

        @Override
        public Traced start(Object parent, FetchNode fetch, String operationName, Map<String, String> headers) {
            return new Traced() {
                @Override
                public Map<String, String> headers() {
                    return headers;
                }

                @Override
                public void end(String outcome) {
                }
            };
        }
    };

    /** The request's trace context, taken when its plan starts (callbacks of later fetches may run outside it). */
    Object capture();

    /** Starts the span of one fetch under {@code parent} (what {@link #capture()} gave). */
    Traced start(Object parent, FetchNode fetch, String operationName, Map<String, String> headers);
}
