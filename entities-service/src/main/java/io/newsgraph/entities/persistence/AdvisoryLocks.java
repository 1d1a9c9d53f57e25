package io.newsgraph.entities.persistence;

/** The namespaces (first key) of the transaction-scoped advisory locks the write side takes. */
final class AdvisoryLocks {

    /** One article: its deliveries are applied one at a time. */
    static final int ARTICLE = 0x6e670001;
    /** One lookup key that no entity has yet: creating the entity it would name is done by one writer at a time. */
    static final int KEY = 0x6e670002;

    private AdvisoryLocks() {
    }
}
