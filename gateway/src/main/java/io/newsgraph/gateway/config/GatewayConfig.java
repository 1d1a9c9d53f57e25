package io.newsgraph.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Gateway settings; each one can be set by environment variable, e.g. {@code NEWSGRAPH_GATEWAY_SUPERGRAPH}
 * for {@code newsgraph.gateway.supergraph} (the HTTP port is Quarkus' own {@code QUARKUS_HTTP_PORT}).
 */
@ConfigMapping(prefix = "newsgraph.gateway")
public interface GatewayConfig {

    /** The supergraph SDL: a file path, or {@code classpath:name} for a resource. */
    @WithDefault("classpath:supergraph.graphql")
    String supergraph();

    /** How often the supergraph file is checked for changes (0 turns reloading off). */
    @WithDefault("2s")
    Duration reloadInterval();

    /** Whether clients may introspect the API schema. */
    @WithDefault("true")
    boolean introspection();

    /** Whether GET / and GET /graphql (browser) serve the GraphiQL page. */
    @WithDefault("true")
    boolean graphiql();

    /** Whether the header {@code Apollo-Query-Plan-Experimental: 1} returns the query plan in {@code extensions}. */
    @WithDefault("true")
    boolean exposeQueryPlan();

    /** Parsed, validated and planned operations kept in memory. */
    @WithDefault("2000")
    int operationCacheSize();

    Limits limits();

    /** Automatic persisted queries (Apollo's APQ protocol) and the safelist mode. */
    PersistedQueries persistedQueries();

    /** Cost analysis (demand control) of operations before they are planned. */
    Cost cost();

    /** Refusal of requests a browser could send cross-site without a preflight. */
    Csrf csrf();

    /** Requests per client identity (token subject, else remote address). */
    RateLimit rateLimit();

    /** GraphQL subscriptions over WebSocket ({@code graphql-transport-ws} on {@code /graphql}). */
    Subscriptions subscriptions();

    /** Timeout of a subgraph request unless the subgraph sets its own. */
    @WithDefault("10s")
    Duration subgraphTimeout();

    /**
     * Whether identical subgraph queries in flight at the same time (same subgraph, operation, variables and
     * {@code Authorization}) share one call. Mutations are never shared.
     */
    @WithDefault("true")
    boolean deduplicateSubgraphRequests();

    /** Connections kept open per subgraph. */
    @WithDefault("64")
    int subgraphPoolSize();

    /** Per-subgraph settings, by the subgraph's name in the supergraph. */
    Map<String, Subgraph> subgraphs();

    interface Subgraph {
        /** Timeout of this subgraph's requests. */
        Optional<Duration> timeout();

        /** Replaces the routing URL the supergraph gives. */
        Optional<String> url();
    }

    interface PersistedQueries {
        /** Whether documents may be sent by hash and registered on a miss (APQ); off, such requests get PERSISTED_QUERY_NOT_SUPPORTED. */
        @WithDefault("true")
        boolean enabled();

        /** Registered documents kept in memory at most; the least used go first (a client then sends the text again). */
        @WithDefault("10000")
        long maxEntries();

        /** Longest document kept, in characters: a longer one still runs (within max-document-size) but is not kept. */
        @WithDefault("16384")
        int maxDocumentLength();

        Safelist safelist();

        interface Safelist {
            /** Whether only operations of the persisted query list run (QUERY_NOT_IN_SAFELIST otherwise); nothing is registered then. */
            @WithDefault("false")
            boolean enabled();

            /**
             * The list, read at start: Apollo's persisted query manifest (JSON) or SHA-256 hashes one per line; a file
             * path or {@code classpath:name}. Required when the safelist is on.
             */
            Optional<String> manifest();

            /** Whether operations must be sent by id only (PERSISTED_QUERY_ID_REQUIRED otherwise). */
            @WithDefault("false")
            boolean requireId();
        }
    }

    interface Limits {
        /** Largest request body, in bytes (413 REQUEST_TOO_LARGE). */
        @WithDefault("1048576")
        int maxRequestBytes();

        /** Largest GraphQL document, in characters (MAX_DOCUMENT_SIZE_EXCEEDED). */
        @WithDefault("65536")
        int maxDocumentSize();

        /** Deepest field nesting (MAX_DEPTH_EXCEEDED). */
        @WithDefault("32")
        int maxDepth();

        /** Most aliases in one operation (MAX_ALIASES_EXCEEDED). */
        @WithDefault("100")
        int maxAliases();

        /** Most fields in one operation, fragments expanded (MAX_FIELDS_EXCEEDED). */
        @WithDefault("2000")
        int maxFields();
    }

    interface Cost {
        /** Whether operations are refused over {@code max} (COST_ESTIMATED_TOO_EXPENSIVE); off, nothing is estimated. */
        @WithDefault("true")
        boolean enabled();

        /** Highest estimated cost accepted. */
        @WithDefault("10000")
        double max();

        /** Size assumed for a list that has neither a slicing argument, a {@code @listSize} nor a configured size. */
        @WithDefault("20")
        int defaultListSize();

        /** Arguments that bound a list's size where {@code @listSize} names none (Relay connections' {@code first}/{@code last}). */
        @WithDefault("first,last")
        List<String> slicingArguments();

        /**
         * Child fields a slicing argument sizes when the field itself returns one object (a connection's
         * {@code edges} and {@code nodes}), where {@code @listSize} names none.
         */
        @WithDefault("edges,nodes")
        List<String> sizedFields();

        /**
         * Assumed sizes per field as {@code Type.field=size} entries ({@code Article.entities=50,Entity.roles=5}): they
         * replace {@code @listSize(assumedSize)} and the default. A list, so that one environment variable can set it.
         */
        Optional<List<String>> listSizes();

        /** Whether the request header {@code Newsgraph-Cost: 1} returns estimated and actual cost in {@code extensions.cost}. */
        @WithDefault("true")
        boolean expose();
    }

    interface Csrf {
        /** Whether requests that need no CORS preflight are refused (CSRF_ERROR) unless they carry a required header. */
        @WithDefault("true")
        boolean enabled();

        /** Any one of these headers (non-empty) marks a request as not cross-site: browsers preflight custom headers. */
        @WithDefault("apollo-require-preflight,x-apollo-operation-name")
        List<String> requiredHeaders();
    }

    interface RateLimit {
        /** Whether requests over the rate answer 429 RATE_LIMITED. */
        @WithDefault("true")
        boolean enabled();

        /** Requests a client may make per {@code period}, on average. */
        @WithDefault("100")
        long requests();

        @WithDefault("1s")
        Duration period();

        /** Requests a client may make at once after being idle (the bucket's capacity). */
        @WithDefault("200")
        long burst();

        /** Clients tracked at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        long maxClients();

        /** A client not seen for this long is forgotten (its bucket would be full again anyway). */
        @WithDefault("10m")
        Duration idleExpiry();
    }

    interface Subscriptions {
        /** Whether {@code /graphql} accepts WebSocket upgrades; off, an upgrade is answered like any GET. */
        @WithDefault("true")
        boolean enabled();

        /** Open connections per client identity (token subject, else remote address); beyond, close code 4429. */
        @WithDefault("8")
        int maxConnectionsPerClient();

        /** Open connections of the whole gateway; beyond, close code 4429. */
        @WithDefault("10000")
        int maxConnections();

        /** Subscriptions running at once on one connection; beyond, an {@code error} with code TOO_MANY_SUBSCRIPTIONS. */
        @WithDefault("16")
        int maxSubscriptionsPerConnection();

        /** Largest message a client may send, in bytes (the WebSocket closes with 1009 beyond). */
        @WithDefault("65536")
        int maxMessageBytes();

        /** Time a client has from the upgrade to its {@code connection_init}; then close code 4408. */
        @WithDefault("10s")
        Duration connectionInitTimeout();

        /** Time a subgraph has to accept the subscription's WebSocket and its {@code connection_init}. */
        @WithDefault("10s")
        Duration subgraphConnectTimeout();
    }
}
