package io.newsgraph.entities.extraction;

/** The kinds of entity the pipeline emits. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    DATE,
    /** Nationalities, religious and political groups ("Japanese", "Republicans"). */
    NATIONALITY,
    EVENT,
    /** Social-media handles ("@japantimes"). */
    HANDLE,
    URL,
    HASHTAG
}
