package io.newsgraph.articles.config;

import io.newsgraph.service.graphql.GraphQLLimitsConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Typed settings of articles-service. Each one can be overridden by environment variable, for example
 * {@code NEWSGRAPH_ARTICLES_RELAY_MAX_ATTEMPTS}. Who may call the service is set apart
 * ({@code newsgraph.security.*}, {@code mp.jwt.verify.*}).
 */
@ConfigMapping(prefix = "newsgraph.articles")
public interface ArticlesConfig {

    Limits limits();

    Entities entities();

    Relay relay();

    /** Live processing updates (the GraphQL subscription {@code articleProcessing}). */
    Live live();

    /** Limits of the GraphQL endpoint ({@code newsgraph.articles.graphql.max-cost} and the rest). */
    GraphQLLimitsConfig graphql();

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

        /**
         * Where {@code totalCount} of the article list stops counting: the count reads one index range cut there,
         * whatever the archive holds (a search's count is bounded by {@link #searchCandidates()} instead).
         */
        @WithDefault("10000")
        int maxTotalCount();

        /** Longest accepted full-text query, in characters. */
        @WithDefault("256")
        int maxQueryLength();

        /** Longest accepted title, url, source, externalId, in characters. */
        @WithDefault("2048")
        int maxFieldLength();
    }

    interface Entities {
        /** Base URL of entities-service, where the relay delivers changes. */
        @WithDefault("http://127.0.0.1:8082")
        String baseUrl();

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

        /**
         * The relay's own private key (PEM, PKCS#8), with which it signs its short-lived {@code extraction-writer}
         * tokens; entities-service holds the public half. Unset: deliveries carry no token and are refused.
         */
        Optional<String> signingKey();

        /** How long one relay token is valid; a new one is signed shortly before it runs out. */
        @WithDefault("5m")
        Duration tokenLifetime();
    }

    interface Live {
        /** Articles followed at once on one replica, over all subscriptions (TOO_MANY_SUBSCRIPTIONS beyond). */
        @WithDefault("10000")
        int maxWatchers();

        /** First wait before the change listener reconnects to the database; doubles up to {@code max-reconnect-delay}. */
        @WithDefault("1s")
        Duration reconnectDelay();

        @WithDefault("30s")
        Duration maxReconnectDelay();

        /** How long one wait for announcements lasts before the listener looks again (and checks it is still running). */
        @WithDefault("1s")
        Duration pollTimeout();
    }
}
