package io.newsgraph.gateway.ops;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsgraph.gateway.executor.FetchObserver;

/**
 * Prometheus metrics: {@code graphql_operation_seconds} per operation name and outcome, and
 * {@code graphql_subgraph_fetch_seconds} per subgraph and outcome.
 */
@ApplicationScoped
public class GatewayMetrics implements FetchObserver {

    private static final int MAX_NAME = 64;

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void operation(String name, String outcome, long nanos) {
        String op = name == null || name.isEmpty() ? "anonymous" : name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        Timer.builder("graphql.operation").description("GraphQL operations served by the gateway")
                .tag("operation", op).tag("outcome", outcome).publishPercentileHistogram(false)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void fetched(String serviceName, long nanos, String outcome) {
        Timer.builder("graphql.subgraph.fetch").description("Requests from the gateway to subgraphs")
                .tag("subgraph", serviceName).tag("outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
