package io.newsgraph.security;

/**
 * An operation refused by the policy, or a token that could not be verified. Carries only what a client may see:
 * the stable code and a message that names the role wanted, never the token or why a signature did not match.
 */
public class AccessRefusedException extends RuntimeException {

    private final AccessPolicy.Decision decision;

    public AccessRefusedException(AccessPolicy.Decision decision, String message) {
        super(message, null, false, false);
        if (decision == AccessPolicy.Decision.ALLOW) {
            throw new IllegalArgumentException("an allowed operation is not refused");
        }
        this.decision = decision;
    }

    /** The refusal of {@code operation} for the reason {@code decision}. */
    public static AccessRefusedException of(AccessPolicy.Decision decision, AccessPolicy.Operation operation) {
        String role = AccessPolicy.requiredRole(operation);
        return new AccessRefusedException(decision, decision == AccessPolicy.Decision.UNAUTHENTICATED
                ? "this operation needs a bearer token with role " + role
                : "the token does not grant role " + role + ", which this operation needs");
    }

    /** A bearer token that is malformed, expired, badly signed, or from another issuer or audience. */
    public static AccessRefusedException invalidToken() {
        return new AccessRefusedException(AccessPolicy.Decision.UNAUTHENTICATED,
                "the bearer token is not valid (malformed, expired, or not issued for this service)");
    }

    /** {@code UNAUTHENTICATED} or {@code FORBIDDEN}: the {@code code} of the error body or GraphQL extension. */
    public String code() {
        return decision.name();
    }

    public int httpStatus() {
        return decision == AccessPolicy.Decision.UNAUTHENTICATED ? 401 : 403;
    }
}
