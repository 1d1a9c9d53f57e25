package io.newsgraph.entities.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Set;

/** Runs the service with {@link ScriptedPipeline} in place of the real pipeline. */
public class ScriptedPipelineProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedPipeline.class);
    }
}
