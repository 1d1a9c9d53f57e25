package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request to one subgraph. A root fetch selects from the subgraph's root type; an entity fetch sends the
 * objects found at {@link #path()} as {@code _entities} representations (one batched request for all of them)
 * and merges the answers back into those objects.
 */
public final class FetchNode {

    private final int id;
    private final String graph;
    private final String serviceName;
    private final String operationKind;
    private final boolean entity;
    private final List<PathElement> path;
    private final SelectionTree selection = new SelectionTree();
    /** Entity fetches: per representation __typename, the fields that make up a representation. */
    private final Map<String, SelectionTree> representations = new LinkedHashMap<>();
    /** Entity fetches through an {@code @interfaceObject}: object __typename -> the interface's name sent instead. */
    private final Map<String, String> representationTypenames = new LinkedHashMap<>();
    final Set<FetchNode> dependencies = new LinkedHashSet<>();
    FetchNode parent;
    private String operation;
    private boolean renames;
    private List<String> variables = List.of();

    FetchNode(int id, String graph, String serviceName, String operationKind, boolean entity, List<PathElement> path, FetchNode parent) {
        this.id = id;
        this.graph = graph;
        this.serviceName = serviceName;
        this.operationKind = operationKind;
        this.entity = entity;
        this.path = List.copyOf(path);
        this.parent = parent;
    }

    public int id() {
        return id;
    }

    public String graph() {
        return graph;
    }

    public String serviceName() {
        return serviceName;
    }

    public boolean isEntityFetch() {
        return entity;
    }

    /** Whether this fetch sends a mutation (never shared with another request). */
    public boolean isMutation() {
        return operationKind.equals("mutation");
    }

    /**
     * Whether this is a subscription's root fetch: sent once over the subgraph's WebSocket, each of its events then
     * stands for this fetch's answer while the rest of the plan runs.
     */
    public boolean isSubscription() {
        return operationKind.equals("subscription");
    }

    public List<PathElement> path() {
        return path;
    }

    public SelectionTree selection() {
        return selection;
    }

    public Map<String, SelectionTree> representations() {
        return representations;
    }

    public Map<String, String> representationTypenames() {
        return representationTypenames;
    }

    /** The subgraph operation text (set when planning completes). */
    public String operation() {
        return operation;
    }

    /** Names of the client variables this fetch forwards. */
    public List<String> variables() {
        return variables;
    }

    /** Whether answers must have gateway aliases turned back into response keys. */
    public boolean hasRenames() {
        return renames;
    }

    void finish(Map<String, String> variableDefinitions) {
        renames = selection.hasRenames();
        Set<String> used = new LinkedHashSet<>();
        selection.collectVariables(used);
        variables = new ArrayList<>(used);
        StringBuilder sb = new StringBuilder(operationKind);
        boolean hasDefs = entity || !used.isEmpty();
        if (hasDefs) {
            sb.append('(');
            boolean first = true;
            if (entity) {
                sb.append("$representations:[_Any!]!");
                first = false;
            }
            for (String v : used) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append('$').append(v).append(':').append(variableDefinitions.getOrDefault(v, "String"));
            }
            sb.append(')');
        }
        if (entity) {
            sb.append("{_entities(representations:$representations)");
            selection.print(sb);
            sb.append('}');
        } else {
            selection.print(sb);
        }
        operation = sb.toString();
    }

    @Override
    public String toString() {
        return "Fetch(" + serviceName + (entity ? " @ " + path : "") + ") " + operation;
    }
}
