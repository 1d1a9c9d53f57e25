package io.newsgraph.entities.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The service with its real extraction pipeline (NLP4J and the rule layer), one engine worker. */
public class RealPipelineProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // a loaded machine can take minutes to read the models; the test waits rather than fails
        return Map.of("newsgraph.extraction.workers", "1", "newsgraph.extraction.load-timeout", "PT10M");
    }
}
