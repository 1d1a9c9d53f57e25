package io.newsgraph.entities.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Settings of entities-service. Every one can be set by environment variable, for example
 * {@code NEWSGRAPH_ENTITIES_API_KEY} or {@code NEWSGRAPH_ENTITIES_LIMITS_MAX_TEXT_CHARS}.
 */
@ConfigMapping(prefix = "newsgraph.entities")
public interface EntitiesConfig {

    /**
     * The shared credential internal callers send in {@code X-Api-Key}. Unset means every write (and, by default,
     * every extraction request) is refused: the service never runs open by accident.
     */
    Optional<String> apiKey();

    /** Whether {@code POST /extract} and {@code /extract/batch} need the API key too (they store nothing, but cost CPU). */
    @WithDefault("true")
    boolean extractRequiresApiKey();

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
    }

    /** GraphQL paging. */
    interface Graphql {

        /** Page size when {@code first} is not given. */
        @WithDefault("20")
        int defaultPageSize();

        /** Largest {@code first} accepted. */
        @WithDefault("100")
        int maxPageSize();

        /** Most results of {@code searchEntities}. */
        @WithDefault("50")
        int maxSearchResults();
    }
}
