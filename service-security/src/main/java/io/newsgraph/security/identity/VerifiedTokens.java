package io.newsgraph.security.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsgraph.security.config.SecurityConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/**
 * The identities of bearer tokens verified recently. Verifying an RS256 signature and parsing the claims is most of
 * what authentication costs on every request (and the gateway, then each subgraph it calls, verify the same token);
 * a client sends the same token for many requests. An entry is taken until the token's own expiry or the cache's
 * time-to-live, whichever comes first, so a withdrawn signing key stops being honoured within that time.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, long validUntilMillis) {
    }

    private final Cache<String, Entry> cache;
    private final long ttlMillis;

    @Inject
    public VerifiedTokens(SecurityConfig config) {
        this(config.tokenCache().size(), config.tokenCache().ttl());
    }

    VerifiedTokens(int size, Duration ttl) {
        this.ttlMillis = ttl.toMillis();
        this.cache = size <= 0 || ttlMillis <= 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
    }

    /** The identity {@code token} was verified as, while that verification still holds at {@code nowMillis}. */
    public Optional<SecurityIdentity> find(String token, long nowMillis) {
        if (cache == null || token == null) {
            return Optional.empty();
        }
        Entry e = cache.getIfPresent(token);
        if (e == null) {
            return Optional.empty();
        }
        if (nowMillis >= e.validUntilMillis()) {
            cache.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(e.identity());
    }

    /**
     * Remembers a token that was just verified as {@code identity}.
     *
     * @param expiresAtMillis the token's {@code exp}; a token without one is not remembered
     */
    public void remember(String token, SecurityIdentity identity, long expiresAtMillis, long nowMillis) {
        if (cache == null || token == null || expiresAtMillis <= nowMillis) {
            return;
        }
        cache.put(token, new Entry(identity, Math.min(expiresAtMillis, nowMillis + ttlMillis)));
    }
}
