package io.newsgraph.articles.outbox;

import java.util.UUID;

/** A claimed outbox row, as the relay delivers it. */
public record OutboxEvent(long id, UUID articleId, Type type, long articleVersion, String payload, int attempts) {

    public enum Type {
        ArticleChanged, ArticleDeleted
    }
}
