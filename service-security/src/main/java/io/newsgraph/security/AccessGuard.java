package io.newsgraph.security;

import io.newsgraph.security.config.SecurityConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies {@link AccessPolicy} to the caller of one HTTP request. The caller is the identity Quarkus verified before
 * any handler ran (proactive authentication): a request whose token does not verify never gets this far.
 */
@ApplicationScoped
public class AccessGuard {

    private final SecurityConfig config;

    public AccessGuard(SecurityConfig config) {
        this.config = config;
    }

    /** Returns normally when {@code operation} is allowed; throws the refusal otherwise. */
    public void require(AccessPolicy.Operation operation, RoutingContext request) {
        AccessPolicy.Decision decision = AccessPolicy.decide(operation, caller(request), config.anonymousRead(),
                config.anonymousWrite());
        if (decision != AccessPolicy.Decision.ALLOW) {
            throw AccessRefusedException.of(decision, operation);
        }
    }

    /** The verified caller of a request; anonymous when it sent no token (or there is no request). */
    public static AccessPolicy.Caller caller(RoutingContext request) {
        SecurityIdentity identity = request != null && request.user() instanceof QuarkusHttpUser user
                ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            return AccessPolicy.Caller.ANONYMOUS;
        }
        return new AccessPolicy.Caller(true, identity.getRoles());
    }
}
