package io.newsgraph.articles.outbox;

import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.contract.ExtractionContract;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The relay's service identity towards entities-service: a short-lived RS256 token with role
 * {@code extraction-writer}, signed with the relay's own key, never a client's token. One token serves every delivery
 * until shortly before it runs out.
 */
@ApplicationScoped
public class RelayIdentity {

    private static final Logger LOG = Logger.getLogger(RelayIdentity.class);

    private final PrivateKey key;
    private final Duration lifetime;
    private String token;
    private Instant renewAt = Instant.MIN;

    public RelayIdentity(ArticlesConfig config) {
        this.key = config.relay().signingKey().filter(k -> !k.isBlank()).map(RelayIdentity::decode).orElse(null);
        this.lifetime = config.relay().tokenLifetime();
        if (key == null) {
            LOG.warn("no relay signing key (newsgraph.articles.relay.signing-key): entities-service will refuse deliveries");
        }
    }

    /** The {@code Authorization} header of a delivery; empty without a signing key. */
    public synchronized Optional<String> authorization() {
        if (key == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (!now.isBefore(renewAt)) {
            token = Jwt.issuer(ExtractionContract.RELAY_ISSUER)
                    .audience(ExtractionContract.RELAY_AUDIENCE)
                    .subject("articles-service-relay")
                    .groups(Set.of(ExtractionContract.RELAY_ROLE))
                    .issuedAt(now)
                    .expiresAt(now.plus(lifetime))
                    .sign(key);
            // renewed at four fifths of its life, so a token in flight never expires on the way
            renewAt = now.plus(lifetime.multipliedBy(4).dividedBy(5));
        }
        return Optional.of("Bearer " + token);
    }

    private static PrivateKey decode(String pem) {
        try {
            return KeyUtils.decodePrivateKey(pem);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the key itself is never part of the message
            throw new IllegalStateException("newsgraph.articles.relay.signing-key is not a PEM (PKCS#8) RSA private key");
        }
    }
}
