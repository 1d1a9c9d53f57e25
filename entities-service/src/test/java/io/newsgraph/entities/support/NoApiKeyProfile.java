package io.newsgraph.entities.support;

import java.util.Map;

/** The service as deployed without an API key. */
public class NoApiKeyProfile extends ScriptedPipelineProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsgraph.entities.api-key", "");
    }
}
