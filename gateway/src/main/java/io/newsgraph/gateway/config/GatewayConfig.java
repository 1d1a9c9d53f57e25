package io.newsgraph.gateway.config;

import java.time.Duration;
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
}
