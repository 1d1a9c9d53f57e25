package io.newsgraph.gateway.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.newsgraph.gateway.runtime.Engine;
import io.newsgraph.gateway.runtime.GatewayRuntime;

/** Ready only once a supergraph is loaded: before that the gateway can answer nothing. */
@Readiness
@ApplicationScoped
public class SupergraphReadiness implements HealthCheck {

    private final GatewayRuntime runtime;

    public SupergraphReadiness(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        Engine engine = runtime.engine();
        if (engine == null) {
            return HealthCheckResponse.named("supergraph").down().build();
        }
        return HealthCheckResponse.named("supergraph").up()
                .withData("subgraphs", engine.supergraph().subgraphs().size()).build();
    }
}
