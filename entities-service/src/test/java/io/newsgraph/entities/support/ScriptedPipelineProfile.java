package io.newsgraph.entities.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/** Runs the service with {@link ScriptedPipeline} in place of the real pipeline. */
public class ScriptedPipelineProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedPipeline.class);
    }

    /** The real engine is never used here: do not spend a minute of CPU and 1.5 GB loading its models. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsgraph.extraction.load-at-startup", "false");
    }
}
