package io.newsgraph.entities.security;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.entities.config.EntitiesConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Set;

/**
 * Recognises the outbox relay's own tokens on {@code /extractions}: signed with the relay's key (not the client
 * issuer's), issued by articles-service for entities-service, with role {@code extraction-writer}. Such a token gets
 * exactly that role and only on these paths; anywhere else, or when it does not verify here, the request goes on to
 * the ordinary bearer-token verification, so a client's {@code editor} token is recognised and then refused there
 * (403), and a relay token used elsewhere is not valid at all (401).
 */
@ApplicationScoped
@Startup
public class RelayAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final JWTParser parser;

    public RelayAuthenticationMechanism(EntitiesConfig config) {
        this.parser = config.relayKey().filter(k -> !k.isBlank()).map(RelayAuthenticationMechanism::parser).orElse(null);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (parser == null || !isDeliveryPath(context.normalizedPath()) || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        try {
            JsonWebToken token = parser.parse(authorization.substring(BEARER.length()).strip());
            if (!token.getGroups().contains(ExtractionContract.RELAY_ROLE)) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(token)
                    .addRole(ExtractionContract.RELAY_ROLE).build());
        } catch (ParseException notARelayToken) {
            return Uni.createFrom().nullItem();
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(); // verifies by itself, through no identity provider
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100; // ahead of the client-token mechanism, which would refuse a relay token
    }

    static boolean isDeliveryPath(String path) {
        return path != null && (path.equals(ExtractionContract.BASE_PATH) || path.startsWith(ExtractionContract.BASE_PATH + "/"));
    }

    private static JWTParser parser(String pem) {
        PublicKey key;
        try {
            key = KeyUtils.decodePublicKey(pem);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("newsgraph.entities.relay-key is not a PEM RSA public key");
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo(key, ExtractionContract.RELAY_ISSUER);
        info.setExpectedAudience(Set.of(ExtractionContract.RELAY_AUDIENCE));
        return new DefaultJWTParser(info);
    }
}
