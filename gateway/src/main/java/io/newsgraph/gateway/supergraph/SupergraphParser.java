package io.newsgraph.gateway.supergraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

/**
 * Reads a Federation v2 supergraph SDL (the join spec, as {@code rover supergraph compose} and
 * {@code @apollo/composition} write it) into a {@link Supergraph}, including its API schema.
 */
public final class SupergraphParser {

    private static final ParserOptions SDL_OPTIONS = ParserOptions.getDefaultSdlParserOptions().transform(
            b -> b.maxTokens(Integer.MAX_VALUE).maxWhitespaceTokens(Integer.MAX_VALUE).maxCharacters(Integer.MAX_VALUE)
                    .maxRuleDepth(Integer.MAX_VALUE));

    private static final Set<String> SUPPORTED_EXECUTION_SPECS = Set.of("join", "link", "inaccessible", "tag",
            "authenticated", "requiresScopes", "policy", "cost", "listSize", "context");

    private SupergraphParser() {
    }

    public static Supergraph parse(String sdl) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(sdl).parserOptions(SDL_OPTIONS).build());
        } catch (InvalidSyntaxException e) {
            throw new SupergraphException("supergraph SDL does not parse: " + e.getMessage(), e);
        }
        SpecNames specs = SpecNames.of(document);
        if (!specs.hasJoin) {
            throw new SupergraphException("not a Federation v2 supergraph: no @link to https://specs.apollo.dev/join");
        }
        Map<String, SubgraphInfo> subgraphs = readGraphs(document);
        if (subgraphs.isEmpty()) {
            throw new SupergraphException("supergraph names no subgraph (enum join__Graph is missing or empty)");
        }
        Map<String, TypeInfo> types = new LinkedHashMap<>();
        boolean tracksImplements = false;
        for (Definition<?> def : document.getDefinitions()) {
            if (!(def instanceof TypeDefinition<?> td) || isSpecType(td.getName())) {
                continue;
            }
            TypeInfo info = readType(td, subgraphs);
            if (!info.interfacesByGraph().isEmpty()) {
                tracksImplements = true;
            }
            types.put(info.name(), info);
        }
        String query = "Query";
        String mutation = null;
        String subscription = null;
        for (Definition<?> def : document.getDefinitions()) {
            if (def instanceof SchemaDefinition schema) {
                for (OperationTypeDefinition op : schema.getOperationTypeDefinitions()) {
                    String name = op.getTypeName().getName();
                    switch (op.getName()) {
                        case "query" -> query = name;
                        case "mutation" -> mutation = name;
                        case "subscription" -> subscription = name;
                        default -> { }
                    }
                }
            }
        }
        if (mutation == null && types.containsKey("Mutation")) {
            mutation = "Mutation";
        }
        if (subscription == null && types.containsKey("Subscription")) {
            subscription = "Subscription";
        }
        if (!types.containsKey(query)) {
            throw new SupergraphException("supergraph has no query type " + query);
        }
        checkReferences(types, subgraphs);
        var api = ApiSchemaBuilder.build(document, specs.inaccessible, specs.prefixes);
        return new Supergraph(sdl, subgraphs, types, api, query, mutation, subscription, tracksImplements, CostDirectives.read(document));
    }

    static boolean isSpecType(String name) {
        return name.startsWith("join__") || name.startsWith("link__");
    }

    private static Map<String, SubgraphInfo> readGraphs(Document document) {
        Map<String, SubgraphInfo> graphs = new LinkedHashMap<>();
        for (Definition<?> def : document.getDefinitions()) {
            if (def instanceof EnumTypeDefinition e && e.getName().equals("join__Graph")) {
                for (EnumValueDefinition v : e.getEnumValueDefinitions()) {
                    Directive d = first(v, "join__graph");
                    if (d == null) {
                        throw new SupergraphException("join__Graph." + v.getName() + " lacks @join__graph(name, url)");
                    }
                    String name = string(d, "name");
                    String url = string(d, "url");
                    graphs.put(v.getName(), new SubgraphInfo(v.getName(), name == null ? v.getName().toLowerCase() : name,
                            url == null ? "" : url));
                }
            }
        }
        return graphs;
    }

    private static TypeInfo readType(TypeDefinition<?> td, Map<String, SubgraphInfo> subgraphs) {
        TypeInfo.Kind kind = switch (td) {
            case ObjectTypeDefinition ignored -> TypeInfo.Kind.OBJECT;
            case InterfaceTypeDefinition ignored -> TypeInfo.Kind.INTERFACE;
            case UnionTypeDefinition ignored -> TypeInfo.Kind.UNION;
            case InputObjectTypeDefinition ignored -> TypeInfo.Kind.INPUT_OBJECT;
            case EnumTypeDefinition ignored -> TypeInfo.Kind.ENUM;
            case ScalarTypeDefinition ignored -> TypeInfo.Kind.SCALAR;
            default -> throw new SupergraphException("unsupported definition " + td.getName());
        };
        Set<String> graphs = new LinkedHashSet<>();
        Map<String, List<KeyInfo>> keys = new LinkedHashMap<>();
        Set<String> interfaceObjects = new HashSet<>();
        for (Directive d : td.getDirectives("join__type")) {
            String graph = enumArg(d, "graph");
            checkGraph(graph, subgraphs, td.getName());
            graphs.add(graph);
            String key = string(d, "key");
            if (key != null) {
                boolean resolvable = bool(d, "resolvable", true);
                keys.computeIfAbsent(graph, g -> new ArrayList<>()).add(new KeyInfo(graph, key, fieldSet(key, td.getName()), resolvable));
            }
            if (bool(d, "isInterfaceObject", false)) {
                interfaceObjects.add(graph);
            }
        }
        Map<String, Set<String>> interfacesByGraph = new LinkedHashMap<>();
        for (Directive d : td.getDirectives("join__implements")) {
            interfacesByGraph.computeIfAbsent(enumArg(d, "graph"), g -> new LinkedHashSet<>()).add(string(d, "interface"));
        }
        Map<String, Set<String>> membersByGraph = new LinkedHashMap<>();
        for (Directive d : td.getDirectives("join__unionMember")) {
            membersByGraph.computeIfAbsent(enumArg(d, "graph"), g -> new LinkedHashSet<>()).add(string(d, "member"));
        }
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        List<FieldDefinition> defs = switch (td) {
            case ObjectTypeDefinition o -> o.getFieldDefinitions();
            case InterfaceTypeDefinition i -> i.getFieldDefinitions();
            default -> List.of();
        };
        for (FieldDefinition fd : defs) {
            List<Directive> joinFields = fd.getDirectives("join__field");
            Map<String, FieldSource> sources = new LinkedHashMap<>();
            boolean hasJoinField = false;
            for (Directive d : joinFields) {
                String graph = enumArg(d, "graph");
                if (graph == null) {
                    // @join__field without a graph marks a field no subgraph declares (e.g. on an interface object).
                    continue;
                }
                hasJoinField = true;
                checkGraph(graph, subgraphs, td.getName() + "." + fd.getName());
                String requires = string(d, "requires");
                String provides = string(d, "provides");
                String owner = td.getName() + "." + fd.getName();
                sources.put(graph, new FieldSource(graph, bool(d, "external", false), bool(d, "usedOverridden", false),
                        requires == null ? null : fieldSet(requires, owner), provides == null ? null : fieldSet(provides, owner),
                        string(d, "override"), string(d, "type")));
            }
            if (!joinFields.isEmpty() && !hasJoinField) {
                hasJoinField = true;
            }
            fields.put(fd.getName(), new FieldInfo(fd.getName(), fd.getType(), namedType(fd.getType()), hasJoinField, sources));
        }
        return new TypeInfo(td.getName(), kind, graphs, keys, interfaceObjects, fields, interfacesByGraph, membersByGraph);
    }

    private static void checkReferences(Map<String, TypeInfo> types, Map<String, SubgraphInfo> subgraphs) {
        for (TypeInfo t : types.values()) {
            for (FieldInfo f : t.fields().values()) {
                if (!types.containsKey(f.typeName()) && !isBuiltIn(f.typeName())) {
                    throw new SupergraphException(t.name() + "." + f.name() + " has unknown type " + f.typeName());
                }
            }
        }
        for (SubgraphInfo s : subgraphs.values()) {
            if (s.url().isBlank()) {
                throw new SupergraphException("subgraph " + s.name() + " has no url");
            }
        }
    }

    static boolean isBuiltIn(String name) {
        return switch (name) {
            case "String", "Int", "Float", "Boolean", "ID" -> true;
            default -> false;
        };
    }

    static String namedType(Type<?> type) {
        return switch (type) {
            case NonNullType n -> namedType(n.getType());
            case ListType l -> namedType(l.getType());
            case TypeName t -> t.getName();
            default -> throw new IllegalStateException(type.toString());
        };
    }

    /** Parses a field set ("id organization { id }") into a selection set. */
    public static SelectionSet fieldSet(String fields, String owner) {
        try {
            Document doc = Parser.parse("{" + fields + "}");
            return ((OperationDefinition) doc.getDefinitions().get(0)).getSelectionSet();
        } catch (InvalidSyntaxException e) {
            throw new SupergraphException("invalid field set on " + owner + ": " + fields, e);
        }
    }

    private static void checkGraph(String graph, Map<String, SubgraphInfo> subgraphs, String where) {
        if (graph != null && !subgraphs.containsKey(graph)) {
            throw new SupergraphException(where + " names unknown subgraph " + graph);
        }
    }

    static Directive first(DirectivesContainer<?> c, String name) {
        List<Directive> ds = c.getDirectives(name);
        return ds.isEmpty() ? null : ds.get(0);
    }

    static String string(Directive d, String arg) {
        Argument a = d.getArgument(arg);
        if (a == null) {
            return null;
        }
        Value<?> v = a.getValue();
        return v instanceof StringValue s ? s.getValue() : null;
    }

    static String enumArg(Directive d, String arg) {
        Argument a = d.getArgument(arg);
        if (a == null) {
            return null;
        }
        Value<?> v = a.getValue();
        return v instanceof EnumValue e ? e.getName() : null;
    }

    static boolean bool(Directive d, String arg, boolean dflt) {
        Argument a = d.getArgument(arg);
        return a != null && a.getValue() instanceof BooleanValue b ? b.isValue() : dflt;
    }

    /** Names of the specs linked by {@code @link} (with their local prefixes) and a check that none is unknown. */
    static final class SpecNames {
        boolean hasJoin;
        String inaccessible = "inaccessible";
        /** Local names of every linked spec: their directives and types are removed from the API schema. */
        final Set<String> prefixes = new HashSet<>(Set.of("link", "core", "join"));

        static SpecNames of(Document document) {
            SpecNames names = new SpecNames();
            for (Definition<?> def : document.getDefinitions()) {
                if (!(def instanceof SchemaDefinition schema)) {
                    continue;
                }
                for (Directive link : schema.getDirectives()) {
                    if (!link.getName().equals("link") && !link.getName().equals("core")) {
                        continue;
                    }
                    String url = string(link, "url");
                    if (url == null) {
                        url = string(link, "feature");
                    }
                    if (url == null) {
                        continue;
                    }
                    String spec = specName(url);
                    String as = string(link, "as");
                    names.prefixes.add(as != null ? as : spec);
                    if (spec.equals("join")) {
                        names.hasJoin = true;
                    }
                    if (spec.equals("inaccessible")) {
                        names.inaccessible = as != null ? as : "inaccessible";
                    }
                    String purpose = enumArg(link, "for");
                    if (("EXECUTION".equals(purpose) || "SECURITY".equals(purpose)) && !SUPPORTED_EXECUTION_SPECS.contains(spec)) {
                        throw new SupergraphException("supergraph links " + url + " for " + purpose + ", which this gateway does not support");
                    }
                }
            }
            return names;
        }

        private static String specName(String url) {
            String[] parts = url.split("/");
            for (int i = parts.length - 1; i >= 0; i--) {
                if (!parts[i].isEmpty() && !parts[i].startsWith("v")) {
                    return parts[i];
                }
            }
            return url;
        }
    }
}
