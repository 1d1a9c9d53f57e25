package io.newsgraph.articles.outbox;

import java.util.UUID;

/** A claimed outbox row, as the relay delivers it; {@code traceparent} is the trace it was written in (or null). */
public record OutboxEvent(long id, UUID articleId, Type type, long articleVersion, String payload, int attempts, String traceparent) {

    public enum Type {
        ArticleChanged, ArticleDeleted
    }
}
