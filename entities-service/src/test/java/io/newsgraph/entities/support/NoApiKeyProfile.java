package io.newsgraph.entities.support;

import java.util.Map;

/** The service as deployed without an API key. */
public class NoApiKeyProfile extends ScriptedPipelineProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
        config.put("newsgraph.entities.api-key", "");
        return config;
    }
}
