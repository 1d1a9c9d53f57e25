package io.newsgraph.gateway.supergraph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;

/**
 * An immutable, validated supergraph: the subgraphs, the federation metadata of every type and field, and
 * the API schema clients see. Answers the questions the planner asks ("can subgraph X resolve field f of T?").
 */
public final class Supergraph {

    private final String sdl;
    private final Map<String, SubgraphInfo> subgraphs;
    private final Map<String, TypeInfo> types;
    private final GraphQLSchema apiSchema;
    private final String queryType;
    private final String mutationType;
    private final String subscriptionType;
    private final boolean tracksImplements;
    private final CostDirectives costDirectives;

    Supergraph(String sdl, Map<String, SubgraphInfo> subgraphs, Map<String, TypeInfo> types, GraphQLSchema apiSchema,
            String queryType, String mutationType, String subscriptionType, boolean tracksImplements, CostDirectives costDirectives) {
        this.sdl = sdl;
        this.subgraphs = subgraphs;
        this.types = types;
        this.apiSchema = apiSchema;
        this.queryType = queryType;
        this.mutationType = mutationType;
        this.subscriptionType = subscriptionType;
        this.tracksImplements = tracksImplements;
        this.costDirectives = costDirectives;
    }

    public String sdl() {
        return sdl;
    }

    /** Subgraphs by their join__Graph id, in declaration order. */
    public Map<String, SubgraphInfo> subgraphs() {
        return subgraphs;
    }

    public SubgraphInfo subgraph(String id) {
        return subgraphs.get(id);
    }

    public Collection<String> graphIds() {
        return subgraphs.keySet();
    }

    public TypeInfo type(String name) {
        return types.get(name);
    }

    public Map<String, TypeInfo> types() {
        return types;
    }

    public GraphQLSchema apiSchema() {
        return apiSchema;
    }

    public String queryType() {
        return queryType;
    }

    public String mutationType() {
        return mutationType;
    }

    /** The subscription root type's name, or null when no subgraph has one. */
    public String subscriptionType() {
        return subscriptionType;
    }

    /** {@code @cost} and {@code @listSize} as composed into the supergraph (the API schema no longer has them). */
    public CostDirectives costDirectives() {
        return costDirectives;
    }

    /**
     * Whether {@code graph} resolves {@code type.field} by itself. A field the supergraph marks {@code external} in
     * {@code graph} is not resolved there, even when it is part of the subgraph's key: the subgraph only receives it
     * in representations, and what it returns for it elsewhere is not to be trusted.
     */
    public boolean resolves(TypeInfo type, String field, String graph) {
        if (field.startsWith("__")) {
            return true;
        }
        FieldInfo info = type.field(field);
        if (info == null || !type.inGraph(graph)) {
            return false;
        }
        if (!info.hasJoinField()) {
            return true;
        }
        FieldSource source = info.source(graph);
        if (source == null) {
            return false;
        }
        return source.resolves();
    }

    /** Subgraphs that resolve {@code type.field}, in supergraph order. */
    public List<String> graphsResolving(TypeInfo type, String field) {
        return subgraphs.keySet().stream().filter(g -> resolves(type, field, g)).toList();
    }

    /** The {@code @provides} selection of {@code type.field} in {@code graph}, or null. */
    public SelectionSet provides(TypeInfo type, String field, String graph) {
        FieldInfo info = type.field(field);
        if (info == null) {
            return null;
        }
        FieldSource source = info.source(graph);
        return source == null ? null : source.provides();
    }

    /** The named type of {@code type.field} as {@code graph} declares it (it may be narrower than the supergraph's). */
    public String localTypeName(TypeInfo type, String field, String graph) {
        FieldInfo info = type.field(field);
        if (info == null) {
            return null;
        }
        FieldSource source = info.source(graph);
        if (source == null || source.type() == null) {
            return info.typeName();
        }
        return source.type().replace("!", "").replace("[", "").replace("]", "").trim();
    }

    /** The type of {@code type.field} as {@code graph} declares it, printed ("ID!", "[Review]"). */
    public String localTypeString(TypeInfo type, String field, String graph) {
        FieldInfo info = type.field(field);
        if (info == null) {
            return "";
        }
        FieldSource source = info.source(graph);
        return source != null && source.type() != null ? source.type() : graphql.language.AstPrinter.printAst(info.type());
    }

    /** The {@code @requires} selection of {@code type.field} in {@code graph}, or null. */
    public SelectionSet requires(TypeInfo type, String field, String graph) {
        FieldInfo info = type.field(field);
        if (info == null) {
            return null;
        }
        FieldSource source = info.source(graph);
        return source == null ? null : source.requires();
    }

    /** Whether {@code concrete} is a possible runtime type of the abstract type {@code abstractType} in {@code graph}. */
    public boolean isMemberIn(TypeInfo abstractType, String concrete, String graph) {
        TypeInfo c = types.get(concrete);
        if (c == null || !c.inGraph(graph)) {
            return false;
        }
        if (abstractType.kind() == TypeInfo.Kind.UNION) {
            Set<String> members = abstractType.membersByGraph().get(graph);
            if (abstractType.membersByGraph().isEmpty()) {
                return true;
            }
            return members != null && members.contains(concrete);
        }
        if (!tracksImplements) {
            return true;
        }
        Set<String> interfaces = c.interfacesByGraph().get(graph);
        return interfaces != null && interfaces.contains(abstractType.name());
    }
}
