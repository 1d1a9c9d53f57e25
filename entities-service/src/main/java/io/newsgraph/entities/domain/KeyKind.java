package io.newsgraph.entities.domain;

/** How strongly a key identifies an entity; stored as its ordinal. */
public enum KeyKind {
    /** An exact identity: ISO country code, ISO date, handle, URL. */
    VALUE,
    /** A normalised full name, reduced person name or alias: merges when it names one entity. */
    NAME,
    /** One name token of a person: only a bare name is looked up by it. */
    PARTIAL
}
