package io.newsgraph.service.graphql;

import io.smallrye.config.WithDefault;

/**
 * The GraphQL limits of a service's own endpoint, checked before anything is fetched: a group each service's
 * {@code @ConfigMapping} includes under its own prefix ({@code newsgraph.entities.graphql.max-cost}, env
 * {@code NEWSGRAPH_ENTITIES_GRAPHQL_MAX_COST}). The defaults let every query the gateway plans for the suite's pages
 * through and refuse list fan-out long before it costs memory.
 */
public interface GraphQLLimitsConfig {

    /** Deepest field nesting, fragments expanded. */
    @WithDefault("15")
    int maxDepth();

    /** Most aliased fields in one document. */
    @WithDefault("100")
    int maxAliases();

    /** Highest estimated cost (fields, multiplied by the list sizes above them: see {@link OperationMeter}). */
    @WithDefault("200000")
    long maxCost();

    /** Size assumed for a list that names none ({@code first} not given and no default, or no size argument). */
    @WithDefault("20")
    int defaultListSize();

    /** Largest {@code first} / {@code last} any field may be asked for. */
    @WithDefault("100")
    int maxPageSize();

    /** Most representations in one {@code _entities} call. */
    @WithDefault("1000")
    int maxRepresentations();

    /** Most fields one answer may carry (every field of every object counts); past it execution stops. */
    @WithDefault("250000")
    long maxAnswerFields();

    /**
     * Most bytes one answer may carry, counted from its leaf values (strings by their UTF-8 length) as they are
     * resolved; past it execution stops. 16 MiB: hundreds of typical articles with their bodies, but not a page of
     * 100 bodies of the largest accepted size (1 MiB each), nor a body repeated under many aliases.
     */
    @WithDefault("16777216")
    long maxAnswerBytes();

    default GraphQLLimits limits() {
        return new GraphQLLimits(maxDepth(), maxAliases(), maxCost(), defaultListSize(), maxPageSize(),
                maxRepresentations(), maxAnswerFields(), maxAnswerBytes());
    }
}
