package io.newsgraph.service.graphql;

import graphql.introspection.Introspection;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.InputValueWithState;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Measures an operation on its document: depth, aliases, page sizes, representation counts and an estimated cost in
 * which list sizes multiply, the way a fan-out actually grows. A field costs 1 plus its selection's cost times the
 * number of items it stands for: its {@code first}/{@code last} argument (else that argument's default, else the
 * default list size) for a paged field, the number of representations for {@code _entities}, the default list size
 * for any other list; {@code edges} and {@code nodes} stand for the page their connection already counted.
 *
 * <p>Each fragment is measured once and its result reused wherever it is spread, so a document whose fragments
 * spread each other many times over is measured in time linear in its size while its cost still counts every use.
 * Arithmetic saturates at {@link #COST_CAP}.
 */
public final class OperationMeter {

    public static final long COST_CAP = Long.MAX_VALUE / 4;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final int defaultListSize;

    private final Map<String, Sub> measured = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private int aliases;
    private long largestPage;
    private long largestRepresentations;

    private record Sub(long cost, int depth) {
    }

    private OperationMeter(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
                           Map<String, Object> variables, int defaultListSize) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables == null ? Map.of() : variables;
        this.defaultListSize = defaultListSize;
    }

    public static OperationMeasure measure(GraphQLSchema schema, OperationDefinition operation,
                                           Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
                                           int defaultListSize) {
        OperationMeter meter = new OperationMeter(schema, fragments, variables, defaultListSize);
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        Sub sub = meter.selections(operation.getSelectionSet(), root);
        return new OperationMeasure(sub.depth(), meter.aliases, sub.cost(), meter.largestPage,
                meter.largestRepresentations);
    }

    private Sub selections(SelectionSet set, GraphQLType parent) {
        if (set == null) {
            return new Sub(0, 0);
        }
        long cost = 0;
        int depth = 0;
        for (Selection<?> selection : set.getSelections()) {
            Sub sub = switch (selection) {
                case Field field -> field(field, parent);
                case InlineFragment inline -> selections(inline.getSelectionSet(), inline.getTypeCondition() == null
                        ? parent : schema.getType(inline.getTypeCondition().getName()));
                case FragmentSpread spread -> fragment(spread.getName());
                default -> new Sub(0, 0);
            };
            cost = add(cost, sub.cost());
            depth = Math.max(depth, sub.depth());
        }
        return new Sub(cost, depth);
    }

    private Sub fragment(String name) {
        Sub known = measured.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !inProgress.add(name)) {
            return new Sub(0, 0); // unknown or cyclic: validation refuses these documents anyway
        }
        Sub sub = selections(definition.getSelectionSet(), schema.getType(definition.getTypeCondition().getName()));
        inProgress.remove(name);
        measured.put(name, sub);
        return sub;
    }

    private Sub field(Field field, GraphQLType parent) {
        if (field.getAlias() != null) {
            aliases++;
        }
        GraphQLFieldDefinition definition = parent instanceof GraphQLCompositeType composite
                ? definition(composite, field.getName()) : null;
        if (definition == null) {
            return new Sub(1, 1);
        }
        long items = items(field, definition);
        Sub children = selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
        return new Sub(add(1, multiply(items, children.cost())), children.depth() + 1);
    }

    private GraphQLFieldDefinition definition(GraphQLCompositeType parent, String name) {
        if (name.startsWith("__")) {
            return Introspection.getFieldDef(schema, parent, name);
        }
        return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
    }

    /** How many objects the field's selection will be resolved for, per object the field is on. */
    private long items(Field field, GraphQLFieldDefinition definition) {
        if (field.getName().equals("_entities")) {
            long n = size(argument(field, "representations"));
            largestRepresentations = Math.max(largestRepresentations, n);
            return n;
        }
        // the size given (first or last: a connection pages either way), else the first declared one's default
        Long assumed = null;
        for (String sizeArgument : new String[]{"first", "last"}) {
            GraphQLArgument declared = definition.getArgument(sizeArgument);
            if (declared == null) {
                continue;
            }
            if (argument(field, sizeArgument) instanceof Number number) {
                largestPage = Math.max(largestPage, number.longValue());
                return Math.max(number.longValue(), 0);
            }
            if (assumed == null) {
                assumed = defaultOf(declared);
            }
        }
        if (assumed != null) {
            largestPage = Math.max(largestPage, assumed);
            return Math.max(assumed, 0);
        }
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()));
        if (list && !field.getName().equals("edges") && !field.getName().equals("nodes")) {
            return defaultListSize;
        }
        return 1;
    }

    private long defaultOf(GraphQLArgument declared) {
        InputValueWithState d = declared.getArgumentDefaultValue();
        if (d.isSet()) {
            Object v = d.isLiteral() ? literal((Value<?>) d.getValue()) : d.getValue();
            if (v instanceof Number number) {
                return number.longValue();
            }
        }
        return defaultListSize;
    }

    /** The argument's value as given: a number, a list size's worth of items, or null. */
    private Object argument(Field field, String name) {
        return field.getArguments().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(a -> literal(a.getValue())).orElse(null);
    }

    private Object literal(Value<?> value) {
        return switch (value) {
            case IntValue i -> i.getValue().min(java.math.BigInteger.valueOf(COST_CAP)).longValue();
            case VariableReference v -> variables.get(v.getName());
            case ArrayValue a -> a.getValues();
            case null, default -> null;
        };
    }

    private static long size(Object value) {
        return value instanceof Collection<?> c ? c.size() : value == null ? 0 : 1;
    }

    private static long add(long a, long b) {
        return Math.min(COST_CAP, a + b);
    }

    private static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > COST_CAP / b ? COST_CAP : Math.min(COST_CAP, a * b);
    }
}
