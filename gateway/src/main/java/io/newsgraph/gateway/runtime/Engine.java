package io.newsgraph.gateway.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.limits.CostEstimator;
import io.newsgraph.gateway.limits.CostModel;
import io.newsgraph.gateway.limits.GraphQLFailure;
import io.newsgraph.gateway.limits.OperationLimits;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.planner.QueryPlanner;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * Everything that belongs to one loaded supergraph: its planner and the caches of prepared documents and plans.
 * A new supergraph gets a new engine, so nothing planned for the old one survives a reload.
 */
public final class Engine {

    private static final ParserOptions OPERATION_OPTIONS = ParserOptions.getDefaultOperationParserOptions()
            .transform(b -> b.maxTokens(200_000).maxWhitespaceTokens(400_000).maxRuleDepth(2_000).captureSourceLocation(true));

    private final Supergraph supergraph;
    private final QueryPlanner planner;
    private final Cache<String, PreparedDocument> documents;
    private final GatewayConfig.Limits limits;
    private final GraphQL introspection;
    private final CostModel cost;

    public Engine(Supergraph supergraph, GatewayConfig.Limits limits, int cacheSize, CostModel cost) {
        this.supergraph = supergraph;
        this.cost = cost;
        this.planner = new QueryPlanner(supergraph);
        this.limits = limits;
        this.documents = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.introspection = GraphQL.newGraphQL(supergraph.apiSchema()).build();
    }

    public Supergraph supergraph() {
        return supergraph;
    }

    /** Parses, measures and validates a document, or returns the cached outcome for the same text. */
    public PreparedDocument prepare(String text) {
        return documents.get(text, this::doPrepare);
    }

    private PreparedDocument doPrepare(String text) {
        Document doc;
        try {
            doc = Parser.parse(ParserEnvironment.newParserEnvironment().document(text).parserOptions(OPERATION_OPTIONS).build());
        } catch (InvalidSyntaxException e) {
            return new PreparedDocument(new GraphQLFailure(400, "GRAPHQL_PARSE_FAILED", syntaxMessage(e)));
        } catch (RuntimeException e) {
            return new PreparedDocument(new GraphQLFailure(400, "GRAPHQL_PARSE_FAILED", "Syntax Error: the document could not be parsed."));
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        List<OperationDefinition> operations = new ArrayList<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            } else if (d instanceof OperationDefinition o) {
                operations.add(o);
            }
        }
        for (OperationDefinition op : operations) {
            OperationLimits.Measure m = OperationLimits.measure(op, fragments, limits.maxFields());
            if (m.depth() > limits.maxDepth()) {
                return new PreparedDocument(new GraphQLFailure(400, "MAX_DEPTH_EXCEEDED",
                        "Operation is nested " + m.depth() + " levels deep; the limit (max-depth) is " + limits.maxDepth() + "."));
            }
            if (m.aliases() > limits.maxAliases()) {
                return new PreparedDocument(new GraphQLFailure(400, "MAX_ALIASES_EXCEEDED",
                        "Operation uses " + m.aliases() + " aliases; the limit (max-aliases) is " + limits.maxAliases() + "."));
            }
            if (m.fields() > limits.maxFields()) {
                return new PreparedDocument(new GraphQLFailure(400, "MAX_FIELDS_EXCEEDED",
                        "Operation selects more than " + limits.maxFields() + " fields, the limit (max-fields)."));
            }
        }
        List<ValidationError> errors = new Validator().validateDocument(supergraph.apiSchema(), doc, Locale.ENGLISH);
        if (!errors.isEmpty()) {
            return new PreparedDocument(new GraphQLFailure(400, "GRAPHQL_VALIDATION_FAILED", errors.get(0).getDescription()));
        }
        return new PreparedDocument(doc, fragments, operations);
    }

    private static String syntaxMessage(InvalidSyntaxException e) {
        String m = e.getMessage();
        return m == null ? "Syntax Error" : m;
    }

    public CostModel costModel() {
        return cost;
    }

    /**
     * The estimated cost of the operation with these variables, refused (COST_ESTIMATED_TOO_EXPENSIVE) over the
     * maximum. An operation without variables always costs the same, so its estimate is kept with the document.
     */
    public double checkCost(PreparedDocument doc, OperationDefinition op, Map<String, Object> variables) {
        double estimated;
        if (op.getVariableDefinitions().isEmpty()) {
            estimated = doc.costs.computeIfAbsent(op.getName() == null ? "" : op.getName(),
                    n -> CostEstimator.estimate(cost, op, doc.fragments, Map.of()));
        } else {
            estimated = CostEstimator.estimate(cost, op, doc.fragments, variables);
        }
        if (estimated > cost.max()) {
            throw CostEstimator.tooExpensive(estimated, cost.max());
        }
        return estimated;
    }

    /** Variables must fit their declared types (the values sent on are the client's own, not the coerced ones). */
    public void checkVariables(OperationDefinition op, Map<String, Object> variables) {
        if (op.getVariableDefinitions().isEmpty()) {
            return;
        }
        try {
            graphql.execution.ValuesResolver.coerceVariableValues(supergraph.apiSchema(), op.getVariableDefinitions(),
                    graphql.execution.RawVariables.of(variables == null ? Map.of() : variables), graphql.GraphQLContext.getDefault(),
                    Locale.ENGLISH);
        } catch (RuntimeException e) {
            if (e instanceof graphql.GraphQLError) {
                throw new GraphQLFailure(400, "BAD_USER_INPUT", e.getMessage());
            }
            throw e;
        }
    }

    /** The plan of one operation for these variable values (only those of {@code @skip}/{@code @include} matter). */
    public QueryPlan plan(PreparedDocument doc, OperationDefinition op, Map<String, Object> variables) {
        String name = op.getName() == null ? "" : op.getName();
        List<String> conditionVars = doc.conditionVariables.computeIfAbsent(name, n -> conditionVariables(doc, op));
        Map<String, Boolean> conditions = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder(name).append('|');
        for (String v : conditionVars) {
            boolean value = truth(op, variables, v);
            conditions.put(v, value);
            key.append(value ? '1' : '0');
        }
        return doc.plans.computeIfAbsent(key.toString(), k -> planner.plan(op, doc.fragments, conditions));
    }

    private static boolean truth(OperationDefinition op, Map<String, Object> variables, String name) {
        if (variables != null && variables.containsKey(name)) {
            return Boolean.TRUE.equals(variables.get(name));
        }
        for (VariableDefinition d : op.getVariableDefinitions()) {
            if (d.getName().equals(name) && d.getDefaultValue() instanceof BooleanValue b) {
                return b.isValue();
            }
        }
        return false;
    }

    private static List<String> conditionVariables(PreparedDocument doc, OperationDefinition op) {
        Set<String> out = new LinkedHashSet<>();
        NodeVisitorStub visitor = new NodeVisitorStub() {
            @Override
            public TraversalControl visitDirective(Directive node, TraverserContext<graphql.language.Node> context) {
                if ((node.getName().equals("skip") || node.getName().equals("include")) && node.getArgument("if") != null
                        && node.getArgument("if").getValue() instanceof VariableReference r) {
                    out.add(r.getName());
                }
                return TraversalControl.CONTINUE;
            }
        };
        List<graphql.language.Node> roots = new ArrayList<>();
        roots.add(op);
        roots.addAll(doc.fragments.values());
        new NodeTraverser().depthFirst(visitor, roots);
        return new ArrayList<>(out);
    }

    /** Whether the operation asks for {@code __schema} or {@code __type}. */
    public static boolean introspects(OperationDefinition op, PreparedDocument doc) {
        for (Selection<?> s : op.getSelectionSet().getSelections()) {
            if (s instanceof Field f && (f.getName().equals("__schema") || f.getName().equals("__type"))) {
                return true;
            }
        }
        for (FragmentDefinition f : doc.fragments.values()) {
            for (Selection<?> s : f.getSelectionSet().getSelections()) {
                if (s instanceof Field fd && (fd.getName().equals("__schema") || fd.getName().equals("__type"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs the operation through graphql-java over the API schema, its fields read from the merged data: used for
     * operations that introspect, where graphql-java answers {@code __schema}/{@code __type}.
     */
    public ExecutionResult executeOverData(String text, String operationName, Map<String, Object> variables, Map<String, Object> data) {
        ExecutionInput input = ExecutionInput.newExecutionInput().query(text).operationName(operationName)
                .variables(variables == null ? Map.of() : variables).root(data).build();
        return introspection.execute(input);
    }
}
