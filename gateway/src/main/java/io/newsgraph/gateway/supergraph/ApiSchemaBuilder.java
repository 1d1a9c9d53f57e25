package io.newsgraph.gateway.supergraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLException;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import graphql.schema.idl.errors.SchemaProblem;

/**
 * Derives the API schema from the supergraph: every join/link (and other linked spec) element removed, and
 * every {@code @inaccessible} element with what references it. The result is a graphql-java schema used to
 * validate operations and answer introspection; its data fetchers read already-fetched results (maps keyed by
 * response name), so it never calls anything itself.
 */
final class ApiSchemaBuilder {

    private ApiSchemaBuilder() {
    }

    static GraphQLSchema build(Document supergraph, String inaccessible, Set<String> specPrefixes) {
        Set<String> hiddenTypes = new HashSet<>();
        for (Definition<?> def : supergraph.getDefinitions()) {
            if (def instanceof TypeDefinition<?> td
                    && (SupergraphParser.isSpecType(td.getName()) || isSpecName(td.getName(), specPrefixes) || !td.getDirectives(inaccessible).isEmpty())) {
                hiddenTypes.add(td.getName());
            }
        }
        Stripper s = new Stripper(inaccessible, specPrefixes, hiddenTypes);
        List<Definition> kept = new ArrayList<>();
        for (Definition<?> def : supergraph.getDefinitions()) {
            if (def instanceof DirectiveDefinition dd) {
                if (!isSpecName(dd.getName(), specPrefixes) && !dd.getName().equals(inaccessible)) {
                    kept.add(dd);
                }
            } else if (def instanceof SchemaDefinition sd) {
                kept.add(sd.transform(b -> b.directives(List.of()).operationTypeDefinitions(sd.getOperationTypeDefinitions().stream()
                        .filter(o -> !hiddenTypes.contains(o.getTypeName().getName())).toList())));
            } else if (def instanceof TypeDefinition<?> td && !hiddenTypes.contains(td.getName())) {
                kept.add(s.strip(td));
            }
        }
        Document api = Document.newDocument().definitions(kept).build();
        try {
            TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(api);
            return new SchemaGenerator().makeExecutableSchema(registry, RuntimeWiring.newRuntimeWiring().wiringFactory(new ResultWiring()).build());
        } catch (GraphQLException e) {
            throw new SupergraphException("the API schema derived from the supergraph is invalid: " + e.getMessage(), e);
        }
    }

    static boolean isSpecName(String name, Set<String> prefixes) {
        for (String p : prefixes) {
            if (name.equals(p) || name.startsWith(p + "__")) {
                return true;
            }
        }
        return false;
    }

    private record Stripper(String inaccessible, Set<String> prefixes, Set<String> hiddenTypes) {

        TypeDefinition<?> strip(TypeDefinition<?> td) {
            return switch (td) {
                case ObjectTypeDefinition o -> o.transform(b -> b.directives(directives(o)).fieldDefinitions(fields(o.getFieldDefinitions()))
                        .implementz(o.getImplements().stream().filter(this::visible).toList()));
                case InterfaceTypeDefinition i -> i.transform(b -> b.directives(directives(i)).definitions(fields(i.getFieldDefinitions()))
                        .implementz(i.getImplements().stream().filter(this::visible).toList()));
                case UnionTypeDefinition u -> u.transform(b -> b.directives(directives(u))
                        .memberTypes(u.getMemberTypes().stream().filter(this::visible).toList()));
                case EnumTypeDefinition e -> e.transform(b -> b.directives(directives(e)).enumValueDefinitions(e.getEnumValueDefinitions().stream()
                        .filter(this::accessible).map(v -> v.transform(vb -> vb.directives(directives(v)))).toList()));
                case InputObjectTypeDefinition in -> in.transform(b -> b.directives(directives(in)).inputValueDefinitions(inputs(in.getInputValueDefinitions())));
                case ScalarTypeDefinition sc -> sc.transform(b -> b.directives(directives(sc)));
                default -> td;
            };
        }

        private List<FieldDefinition> fields(List<FieldDefinition> fields) {
            return fields.stream().filter(f -> accessible(f) && visible(f.getType()))
                    .map(f -> f.transform(b -> b.directives(directives(f)).inputValueDefinitions(inputs(f.getInputValueDefinitions())))).toList();
        }

        private List<InputValueDefinition> inputs(List<InputValueDefinition> inputs) {
            return inputs.stream().filter(v -> accessible(v) && visible(v.getType()))
                    .map(v -> v.transform(b -> b.directives(directives(v)))).toList();
        }

        private boolean accessible(DirectivesContainer<?> c) {
            return c.getDirectives(inaccessible).isEmpty();
        }

        private boolean visible(Type<?> type) {
            return !hiddenTypes.contains(SupergraphParser.namedType(type));
        }

        private List<Directive> directives(DirectivesContainer<?> c) {
            return c.getDirectives().stream().filter(d -> !d.getName().equals(inaccessible) && !isSpecName(d.getName(), prefixes)).toList();
        }
    }

    /** Wiring for a schema that only re-reads fetched data: custom scalars pass values through. */
    private static final class ResultWiring implements WiringFactory {

        private static final DataFetcher<Object> BY_RESPONSE_KEY = env -> env.getSource() instanceof Map<?, ?> m
                ? m.get(env.getField().getResultKey()) : null;

        private static final TypeResolver BY_TYPENAME = env -> env.getObject() instanceof Map<?, ?> m && m.get("__typename") instanceof String t
                ? env.getSchema().getObjectType(t) : null;

        @Override
        public boolean providesScalar(ScalarWiringEnvironment env) {
            return !SupergraphParser.isBuiltIn(env.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment env) {
            return PassThroughScalar.named(env.getScalarTypeDefinition().getName(), env.getScalarTypeDefinition().getDescription() == null
                    ? null : env.getScalarTypeDefinition().getDescription().getContent());
        }

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment env) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment env) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment env) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment env) {
            return BY_TYPENAME;
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment env) {
            return BY_RESPONSE_KEY;
        }
    }
}
