package io.newsgraph.security;

/** The roles of the suite, as they appear in a token's {@code groups} claim. */
public final class Roles {

    /** May run queries (needed only when anonymous reads are off). */
    public static final String READER = "reader";

    /** May run mutations and REST writes; may read too. */
    public static final String EDITOR = "editor";

    /** The outbox relay's service identity: may deliver to entities-service's /extractions, nothing else. */
    public static final String EXTRACTION_WRITER = "extraction-writer";

    private Roles() {
    }
}
