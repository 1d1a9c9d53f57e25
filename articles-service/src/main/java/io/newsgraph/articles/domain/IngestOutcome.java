package io.newsgraph.articles.domain;

/** What an ingest did. */
public enum IngestOutcome {
    /** A new article. */
    CREATED,
    /** An article with the same externalId (or URL) existed with other content: it now has a new version. */
    UPDATED,
    /** The same content was already stored: nothing changed. */
    UNCHANGED
}
