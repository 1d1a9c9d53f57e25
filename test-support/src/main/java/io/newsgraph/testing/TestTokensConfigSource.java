package io.newsgraph.testing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Makes every service under test trust {@link TestTokens#shared()} and the test relay key, as the launcher and
 * Kubernetes configure the real ones. Below {@code application.properties} in priority, so a test profile can
 * still change any of it.
 */
public class TestTokensConfigSource implements ConfigSource {

    private Map<String, String> properties;

    private synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = Map.of(
                    "mp.jwt.verify.publickey.location", TestTokens.sharedPublicKeyFile().toString(),
                    "mp.jwt.verify.issuer", TestTokens.ISSUER,
                    "mp.jwt.verify.audiences", TestTokens.AUDIENCE,
                    "newsgraph.articles.relay.signing-key", TestTokens.relay().privateKeyPem(),
                    "newsgraph.entities.relay-key", TestTokens.relay().publicKeyPem());
        }
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties().keySet();
    }

    @Override
    public String getValue(String name) {
        return properties().get(name);
    }

    @Override
    public String getName() {
        return "newsgraph-test-tokens";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
