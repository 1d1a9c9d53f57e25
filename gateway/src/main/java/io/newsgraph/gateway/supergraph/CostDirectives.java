package io.newsgraph.gateway.supergraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.FloatValue;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectField;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;

/**
 * The demand-control directives of the supergraph ({@code @cost} and {@code @listSize} of
 * {@code https://specs.apollo.dev/cost/v0.1}, which composition keeps in the supergraph), by schema coordinate:
 * {@code "Type"}, {@code "Type.field"}, {@code "Type.field(argument)"}, {@code "Input.field"}. They are removed from
 * the API schema; the gateway's cost analysis reads them from here.
 */
public record CostDirectives(Map<String, Double> weights, Map<String, ListSize> listSizes) {

    /** {@code @listSize} of one field. */
    public record ListSize(Integer assumedSize, List<String> slicingArguments, List<String> sizedFields,
            boolean requireOneSlicingArgument) {
    }

    public static final CostDirectives NONE = new CostDirectives(Map.of(), Map.of());

    public Double weight(String coordinate) {
        return weights.get(coordinate);
    }

    public ListSize listSize(String type, String field) {
        return listSizes.get(type + "." + field);
    }

    static CostDirectives read(Document document) {
        String[] names = localNames(document);
        String cost = names[0];
        String listSize = names[1];
        Map<String, Double> weights = new HashMap<>();
        Map<String, ListSize> sizes = new HashMap<>();
        for (Definition<?> def : document.getDefinitions()) {
            if (!(def instanceof TypeDefinition<?> td) || SupergraphParser.isSpecType(td.getName())) {
                continue;
            }
            weight(td, cost, td.getName(), weights);
            List<FieldDefinition> fields = switch (td) {
                case ObjectTypeDefinition o -> o.getFieldDefinitions();
                case InterfaceTypeDefinition i -> i.getFieldDefinitions();
                default -> List.of();
            };
            for (FieldDefinition f : fields) {
                String coordinate = td.getName() + "." + f.getName();
                weight(f, cost, coordinate, weights);
                for (InputValueDefinition a : f.getInputValueDefinitions()) {
                    weight(a, cost, coordinate + "(" + a.getName() + ")", weights);
                }
                Directive d = SupergraphParser.first(f, listSize);
                if (d != null) {
                    List<String> slicing = strings(d, "slicingArguments");
                    sizes.put(coordinate, new ListSize(integer(d, "assumedSize"), slicing, strings(d, "sizedFields"),
                            !slicing.isEmpty() && SupergraphParser.bool(d, "requireOneSlicingArgument", true)));
                }
            }
            if (td instanceof InputObjectTypeDefinition in) {
                for (InputValueDefinition v : in.getInputValueDefinitions()) {
                    weight(v, cost, td.getName() + "." + v.getName(), weights);
                }
            }
        }
        return weights.isEmpty() && sizes.isEmpty() ? NONE : new CostDirectives(Map.copyOf(weights), Map.copyOf(sizes));
    }

    /** Local names of {@code @cost} and {@code @listSize}: as imported by the cost spec's {@code @link}, else prefixed. */
    private static String[] localNames(Document document) {
        String[] names = {"cost", "listSize"};
        for (Definition<?> def : document.getDefinitions()) {
            if (!(def instanceof SchemaDefinition schema)) {
                continue;
            }
            for (Directive link : schema.getDirectives("link")) {
                String url = SupergraphParser.string(link, "url");
                if (url == null || !url.contains("/cost/")) {
                    continue;
                }
                String as = SupergraphParser.string(link, "as");
                String prefix = as != null ? as : "cost";
                // The link spec names a spec's own directive after the spec (@cost), the others with its prefix.
                names[0] = prefix;
                names[1] = prefix + "__listSize";
                Argument imports = link.getArgument("import");
                if (imports != null && imports.getValue() instanceof ArrayValue list) {
                    for (Value<?> v : list.getValues()) {
                        imported(v, names);
                    }
                }
            }
        }
        return names;
    }

    private static void imported(Value<?> v, String[] names) {
        String name = null;
        String as = null;
        if (v instanceof StringValue s) {
            name = s.getValue();
        } else if (v instanceof ObjectValue o) {
            for (ObjectField f : o.getObjectFields()) {
                if (f.getValue() instanceof StringValue s) {
                    if (f.getName().equals("name")) {
                        name = s.getValue();
                    } else if (f.getName().equals("as")) {
                        as = s.getValue();
                    }
                }
            }
        }
        String local = (as != null ? as : name);
        if (local == null) {
            return;
        }
        local = local.startsWith("@") ? local.substring(1) : local;
        if ("@cost".equals(name)) {
            names[0] = local;
        } else if ("@listSize".equals(name)) {
            names[1] = local;
        }
    }

    private static void weight(DirectivesContainer<?> c, String cost, String coordinate, Map<String, Double> out) {
        Directive d = SupergraphParser.first(c, cost);
        if (d == null || d.getArgument("weight") == null) {
            return;
        }
        // The cost spec's weight is an Int (Apollo) or a String holding a number (IBM's draft).
        Double w = switch (d.getArgument("weight").getValue()) {
            case IntValue i -> i.getValue().doubleValue();
            case FloatValue f -> f.getValue().doubleValue();
            case StringValue s -> parse(s.getValue());
            default -> null;
        };
        if (w != null) {
            out.put(coordinate, w);
        }
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(Directive d, String arg) {
        Argument a = d.getArgument(arg);
        return a != null && a.getValue() instanceof IntValue i ? i.getValue().intValue() : null;
    }

    private static List<String> strings(Directive d, String arg) {
        Argument a = d.getArgument(arg);
        if (a == null || !(a.getValue() instanceof ArrayValue list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Value<?> v : list.getValues()) {
            if (v instanceof StringValue s) {
                out.add(s.getValue());
            }
        }
        return List.copyOf(out);
    }
}
