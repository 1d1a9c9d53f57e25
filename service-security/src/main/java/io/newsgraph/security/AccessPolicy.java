package io.newsgraph.security;

import java.util.Set;

/**
 * Who may do what, as a pure function: the kind of operation, who the caller is and whether anonymous reads (and,
 * on closed test rigs only, anonymous writes) are allowed decide the answer. No token, request or configuration is read here; the adapters bring those.
 */
public final class AccessPolicy {

    /** What an operation does, as far as access is concerned. */
    public enum Operation {
        /** GraphQL queries (including {@code _entities} and {@code _service}) and REST reads. */
        READ,
        /** GraphQL mutations and REST writes. */
        WRITE,
        /** The outbox relay's deliveries to entities-service ({@code PUT/DELETE /extractions}). */
        DELIVER_EXTRACTIONS
    }

    /** The answer. {@code UNAUTHENTICATED}: a valid token would be needed; {@code FORBIDDEN}: one with another role. */
    public enum Decision {
        ALLOW, UNAUTHENTICATED, FORBIDDEN
    }

    /** A caller as the policy sees it: verified or anonymous, and the roles its token grants. */
    public record Caller(boolean authenticated, Set<String> roles) {

        public static final Caller ANONYMOUS = new Caller(false, Set.of());

        public Caller {
            roles = Set.copyOf(roles);
        }

        public static Caller withRoles(String... roles) {
            return new Caller(true, Set.of(roles));
        }

        boolean has(String role) {
            return authenticated && roles.contains(role);
        }
    }

    private AccessPolicy() {
    }

    /** As {@link #decide(Operation, Caller, boolean, boolean)} with anonymous writes off, as they are by default. */
    public static Decision decide(Operation operation, Caller caller, boolean anonymousRead) {
        return decide(operation, caller, anonymousRead, false);
    }

    /**
     * {@code anonymousWrite} lets any caller run mutations and REST writes, as on a closed test rig where no identity
     * provider issues tokens; it never opens the relay's deliveries.
     */
    public static Decision decide(Operation operation, Caller caller, boolean anonymousRead, boolean anonymousWrite) {
        return switch (operation) {
            // An editor may read what it edits; a caller whose token carries no reading role still gets what an
            // anonymous caller gets, never less.
            case READ -> caller.has(Roles.READER) || caller.has(Roles.EDITOR) || anonymousRead ? Decision.ALLOW
                    : refusal(caller);
            case WRITE -> caller.has(Roles.EDITOR) || anonymousWrite ? Decision.ALLOW : refusal(caller);
            // Only the relay's own identity delivers: not even an editor writes extraction results directly.
            case DELIVER_EXTRACTIONS -> caller.has(Roles.EXTRACTION_WRITER) ? Decision.ALLOW : refusal(caller);
        };
    }

    /** The role an operation asks for, for messages. */
    public static String requiredRole(Operation operation) {
        return switch (operation) {
            case READ -> Roles.READER;
            case WRITE -> Roles.EDITOR;
            case DELIVER_EXTRACTIONS -> Roles.EXTRACTION_WRITER;
        };
    }

    private static Decision refusal(Caller caller) {
        return caller.authenticated() ? Decision.FORBIDDEN : Decision.UNAUTHENTICATED;
    }
}
