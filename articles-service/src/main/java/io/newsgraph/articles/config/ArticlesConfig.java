package io.newsgraph.articles.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Typed settings of articles-service. Each one can be overridden by environment variable, for example
 * {@code NEWSGRAPH_ARTICLES_API_KEY} or {@code NEWSGRAPH_ARTICLES_RELAY_MAX_ATTEMPTS}.
 */
@ConfigMapping(prefix = "newsgraph.articles")
public interface ArticlesConfig {

    /**
     * The key every write must present ({@code Authorization: Bearer <key>} or {@code X-Api-Key}). When unset, writes
     * are refused: the service never runs with a built-in key.
     */
    Optional<String> apiKey();

    Limits limits();

    Entities entities();

    Relay relay();

    interface Limits {
        /** Largest accepted request body of a single-article write, in bytes. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** Largest accepted bulk request, in bytes. */
        @WithDefault("33554432")
        int maxBulkBytes();

        /** Most lines (articles) in one bulk request. */
        @WithDefault("5000")
        int maxBulkLines();

        /** Largest page a list or search returns. */
        @WithDefault("100")
        int maxPageSize();

        /** Page size when the caller names none. */
        @WithDefault("20")
        int defaultPageSize();

        /**
         * How many matches a search ranks: the newest ones. Bounds the cost of a query that matches much of the
         * archive; results past this many are not reachable by paging.
         */
        @WithDefault("1000")
        int searchCandidates();

        /** Longest accepted full-text query, in characters. */
        @WithDefault("256")
        int maxQueryLength();

        /** Longest accepted title, url, source, externalId, in characters. */
        @WithDefault("2048")
        int maxFieldLength();

        /** Most representations in one {@code _entities} call. */
        @WithDefault("500")
        int maxEntityBatch();
    }

    interface Entities {
        /** Base URL of entities-service, where the relay delivers changes. */
        @WithDefault("http://127.0.0.1:8082")
        String baseUrl();

        /** Key sent as {@code X-Api-Key} to entities-service; none is sent when unset. */
        Optional<String> apiKey();

        /** Timeout of one delivery request. */
        @WithDefault("10s")
        Duration requestTimeout();
    }

    interface Relay {
        /** Whether this instance runs the outbox relay on a schedule. */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for due events (also in the {@code @Scheduled} expression). */
        @WithDefault("1s")
        Duration interval();

        /** Events claimed per round trip. */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed event stays invisible to other relays; longer than a delivery can take. */
        @WithDefault("60s")
        Duration lease();

        /** First retry delay; doubles with every failed attempt. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest retry delay. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** Attempts after which an event is marked FAILED (its article too) and waits for a manual retry. */
        @WithDefault("10")
        int maxAttempts();
    }
}
