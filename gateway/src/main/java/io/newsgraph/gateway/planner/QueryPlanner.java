package io.newsgraph.gateway.planner;

import java.util.Map;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * Turns a validated operation into a {@link QueryPlan}. Fields stay in the subgraph that is already fetching
 * their parent when it can resolve them ({@code @shareable} fields therefore cost nothing); otherwise the plan
 * crosses an entity boundary: the parent fetch also selects the entity's key (and any {@code @requires}
 * fields) and a batched {@code _entities} fetch to the other subgraph follows. Planning recurses to any depth;
 * fetches that do not depend on each other are placed in parallel.
 *
 * <p>Stages, each its own class over one {@link PlanningContext}: {@link RootPlanner} (root fields to subgraphs),
 * {@link SelectionPlanner} (selections within a fetch), {@link RouteCost} (which subgraph is cheapest),
 * {@link EntityBoundaries} with {@link RequiredFields} (entity fetches, {@code @requires}), {@link InterfaceObjects},
 * {@link ProvidedFields} ({@code @provides}) and {@link AliasConflicts}.
 */
public final class QueryPlanner {

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    /**
     * Plans one operation of a validated document.
     *
     * @param conditions values of the variables used by {@code @skip}/{@code @include}: the plan is specific to them
     */
    public QueryPlan plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Boolean> conditions) {
        FieldCollector collector = new FieldCollector(supergraph.apiSchema(), fragments, conditions);
        return new RootPlanner(new PlanningContext(supergraph, collector, operation)).plan();
    }
}
