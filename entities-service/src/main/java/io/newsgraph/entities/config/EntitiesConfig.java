package io.newsgraph.entities.config;

import io.newsgraph.service.graphql.GraphQLLimitsConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Settings of entities-service. Every one can be set by environment variable, for example
 * {@code NEWSGRAPH_ENTITIES_LIMITS_MAX_TEXT_CHARS}. Who may call the service is set apart
 * ({@code newsgraph.security.*}, {@code mp.jwt.verify.*}).
 */
@ConfigMapping(prefix = "newsgraph.entities")
public interface EntitiesConfig {

    /**
     * The public key (PEM) of articles-service's outbox relay. Tokens it verifies are accepted on {@code /extractions}
     * only, and grant role {@code extraction-writer} only. Unset: no delivery is accepted.
     */
    Optional<String> relayKey();

    Limits limits();

    Graphql graphql();

    Write write();

    /** Storing extractions. */
    interface Write {

        /**
         * Attempts of one graph write that loses a race with a concurrent writer (a broken deadlock, an entity deleted
         * meanwhile) before the delivery fails and is left to the sender's retry.
         */
        @WithDefault("5")
        int attempts();
    }

    /** Bounds on every input. */
    interface Limits {

        /** Longest article body or text accepted, in Java chars. */
        @WithDefault("200000")
        int maxTextChars();

        /** Longest title accepted. */
        @WithDefault("2000")
        int maxTitleChars();

        /** Longest article id accepted. */
        @WithDefault("200")
        int maxIdChars();

        /** Most lines one {@code /extract/batch} request may carry. */
        @WithDefault("200")
        int maxBatchLines();

        /** Most mentions stored for one article; more means the input is not an article. */
        @WithDefault("20000")
        int maxMentionsPerArticle();

        /** Most marked parts (quoted posts, sources lists) one delivery may carry. */
        @WithDefault("500")
        int maxParts();

        /**
         * Most layout pieces one delivery may carry, over all its parts; the sender's own bound
         * ({@code ExtractionRequest.MAX_LAYOUT_PIECES}) is the same, so only a sender that ignores it is refused.
         */
        @WithDefault("20000")
        int maxLayoutPieces();
    }

    /** GraphQL paging, and the endpoint's limits ({@code newsgraph.entities.graphql.max-cost} and the rest). */
    interface Graphql extends GraphQLLimitsConfig {

        /** Page size when {@code first} is not given. */
        @WithDefault("20")
        int defaultPageSize();

        /** Most results on one page of {@code searchEntities}. */
        @WithDefault("50")
        int maxSearchResults();

        /**
         * Where a connection's {@code totalCount} stops counting: a count reads one bounded index range, whatever the
         * archive holds. The schema's descriptions name the default.
         */
        @WithDefault("10000")
        int maxTotalCount();

        /**
         * How many names entity search ranks from each of its two sources: the names nearest to the query (trigram
         * word distance) and the entities with most articles. Its ranking (and its {@code totalCount}) holds at most
         * twice this many, read the same way whatever the catalogue holds.
         */
        @WithDefault("500")
        int searchCandidates();
    }
}
