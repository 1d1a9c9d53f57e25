package io.newsgraph.security.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers each identity a bearer token was verified as, once every other augmentor has shaped it (so a remembered
 * identity is exactly the one the request got). Identities that no identity provider made (the relay's) never
 * reach augmentors, and are not remembered.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
            tokens.remember(jwt.getRawToken(), identity, jwt.getExpirationTime() * 1000L, System.currentTimeMillis());
        }
        return Uni.createFrom().item(identity);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // last
    }
}
