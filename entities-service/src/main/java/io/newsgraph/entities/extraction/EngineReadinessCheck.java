package io.newsgraph.entities.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the NER engine has loaded; DOWN while it loads, and for good if loading failed. When the engine is
 * set to load on first use instead, this check does not hold readiness back.
 */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {

    private final EngineLoader loader;
    private final ExtractionConfig config;

    EngineReadinessCheck(EngineLoader loader, ExtractionConfig config) {
        this.loader = loader;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        String state = loader.isReady() ? "loaded" : loader.hasFailed() ? "failed"
                : loader.loadsAtStartup() ? "loading" : "loads on first use";
        boolean up = loader.isReady() || (!loader.loadsAtStartup() && !loader.hasFailed());
        return HealthCheckResponse.named("ner-engine")
                .status(up)
                .withData("engine", config.engine())
                .withData("state", state)
                .build();
    }
}
