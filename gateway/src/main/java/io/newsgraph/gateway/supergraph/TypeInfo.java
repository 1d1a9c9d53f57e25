package io.newsgraph.gateway.supergraph;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named type of the supergraph with its federation metadata.
 *
 * @param graphs                subgraphs that define the type ({@code @join__type}); empty means "every subgraph"
 * @param keys                  per subgraph, the keys of the type there (entities only)
 * @param interfaceObjectGraphs subgraphs that declare this interface as an object ({@code @interfaceObject})
 * @param interfacesByGraph     objects and interfaces: per subgraph, the interfaces implemented there
 * @param membersByGraph        unions: per subgraph, the member types there
 */
public record TypeInfo(String name, Kind kind, Set<String> graphs, Map<String, List<KeyInfo>> keys,
        Set<String> interfaceObjectGraphs, Map<String, FieldInfo> fields, Map<String, Set<String>> interfacesByGraph,
        Map<String, Set<String>> membersByGraph) {

    public enum Kind {
        OBJECT, INTERFACE, UNION, INPUT_OBJECT, ENUM, SCALAR
    }

    public boolean isComposite() {
        return kind == Kind.OBJECT || kind == Kind.INTERFACE || kind == Kind.UNION;
    }

    public boolean isAbstract() {
        return kind == Kind.INTERFACE || kind == Kind.UNION;
    }

    public boolean inGraph(String graph) {
        return graphs.isEmpty() || graphs.contains(graph);
    }

    public FieldInfo field(String name) {
        return fields.get(name);
    }

    /** Resolvable keys of this type in a subgraph (empty when it is no entity there). */
    public List<KeyInfo> resolvableKeys(String graph) {
        List<KeyInfo> all = keys.get(graph);
        if (all == null) {
            return List.of();
        }
        return all.stream().filter(KeyInfo::resolvable).toList();
    }
}
