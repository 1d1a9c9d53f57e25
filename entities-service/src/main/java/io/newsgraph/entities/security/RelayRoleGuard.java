package io.newsgraph.entities.security;

import io.newsgraph.contract.ExtractionContract;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps {@code extraction-writer} the relay's alone: a client token that claims it (an identity provider's mistake, or
 * a token minted for it) loses it here. Identities verified by Quarkus's token providers pass through this; the
 * relay's, made by {@link RelayAuthenticationMechanism} itself, do not.
 */
@ApplicationScoped
public class RelayRoleGuard implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.getRoles().contains(ExtractionContract.RELAY_ROLE)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder without = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        identity.getRoles().stream().filter(r -> !r.equals(ExtractionContract.RELAY_ROLE)).forEach(without::addRole);
        return Uni.createFrom().item(without.build());
    }
}
