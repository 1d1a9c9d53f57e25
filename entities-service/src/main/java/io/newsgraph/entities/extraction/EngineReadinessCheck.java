package io.newsgraph.entities.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the NER engine has loaded; DOWN while it loads, and for good if loading failed. */
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
        String state = loader.isReady() ? "loaded" : loader.hasFailed() ? "failed" : "loading";
        return HealthCheckResponse.named("ner-engine")
                .status(loader.isReady())
                .withData("engine", config.engine())
                .withData("state", state)
                .build();
    }
}
