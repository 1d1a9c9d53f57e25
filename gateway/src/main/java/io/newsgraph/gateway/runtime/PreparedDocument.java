package io.newsgraph.gateway.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.newsgraph.gateway.limits.GraphQLFailure;
import io.newsgraph.gateway.planner.QueryPlan;

/**
 * A parsed, limit-checked and validated document (or why it was rejected), cached by its text. Its plans are
 * cached beside it, per operation name and per the values of its {@code @skip}/{@code @include} variables.
 */
public final class PreparedDocument {

    final Document document;
    final Map<String, FragmentDefinition> fragments;
    final List<OperationDefinition> operations;
    final GraphQLFailure failure;
    final Map<String, QueryPlan> plans = new ConcurrentHashMap<>();
    /** Per operation name ("" for anonymous): the variables its conditions use. */
    final Map<String, List<String>> conditionVariables = new ConcurrentHashMap<>();
    /** Per operation name, for operations without variables: the estimated cost. */
    final Map<String, Double> costs = new ConcurrentHashMap<>();

    PreparedDocument(Document document, Map<String, FragmentDefinition> fragments, List<OperationDefinition> operations) {
        this.document = document;
        this.fragments = fragments;
        this.operations = operations;
        this.failure = null;
    }

    PreparedDocument(GraphQLFailure failure) {
        this.document = null;
        this.fragments = Map.of();
        this.operations = List.of();
        this.failure = failure;
    }

    public GraphQLFailure failure() {
        return failure;
    }

    public Document document() {
        return document;
    }

    public Map<String, FragmentDefinition> fragments() {
        return fragments;
    }

    /** The operation to run, chosen as the GraphQL spec says. */
    public OperationDefinition operation(String name) {
        if (name == null || name.isEmpty()) {
            if (operations.size() == 1) {
                return operations.get(0);
            }
            throw new GraphQLFailure(400, "OPERATION_RESOLUTION_FAILURE",
                    "Must provide operation name if query contains multiple operations.");
        }
        for (OperationDefinition op : operations) {
            if (name.equals(op.getName())) {
                return op;
            }
        }
        throw new GraphQLFailure(400, "OPERATION_RESOLUTION_FAILURE", "Unknown operation named \"" + name + "\".");
    }
}
