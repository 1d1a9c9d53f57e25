package io.newsgraph.gateway.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;

/** The selection set of one subgraph fetch, built up while planning and printed into the subgraph operation. */
public final class SelectionTree {

    private final Map<String, FieldNode> fields = new LinkedHashMap<>();
    private final Map<String, SelectionTree> fragments = new LinkedHashMap<>();

    /** One field in a subgraph selection; {@code alias} is null when the response key is the field name. */
    public static final class FieldNode {
        String alias;
        /** Set when the field is sent under another alias to avoid a conflict: the response key to restore. */
        String restoreKey;
        final String name;
        final List<Argument> arguments;
        SelectionTree selection;

        FieldNode(String alias, String name, List<Argument> arguments) {
            this.alias = alias;
            this.name = name;
            this.arguments = arguments;
        }

        public String name() {
            return name;
        }

        public SelectionTree selection() {
            return selection;
        }

        public String restoreKey() {
            return restoreKey;
        }

        public String alias() {
            return alias;
        }

        void sendAs(String alias, String responseKey) {
            this.alias = alias;
            this.restoreKey = responseKey;
        }
    }

    /** Whether some field in this tree is sent under an alias of the gateway's own. */
    public boolean hasRenames() {
        for (FieldNode f : fields.values()) {
            if (f.restoreKey != null || (f.selection != null && f.selection.hasRenames())) {
                return true;
            }
        }
        for (SelectionTree t : fragments.values()) {
            if (t.hasRenames()) {
                return true;
            }
        }
        return false;
    }

    public FieldNode field(String responseKey, String name, List<Argument> arguments, boolean composite) {
        FieldNode node = fields.get(responseKey);
        if (node == null) {
            node = new FieldNode(responseKey.equals(name) ? null : responseKey, name, arguments);
            fields.put(responseKey, node);
        }
        if (composite && node.selection == null) {
            node.selection = new SelectionTree();
        }
        return node;
    }

    public SelectionTree fragment(String typeCondition) {
        return fragments.computeIfAbsent(typeCondition, t -> new SelectionTree());
    }

    public Map<String, FieldNode> fields() {
        return fields;
    }

    public Map<String, SelectionTree> fragments() {
        return fragments;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && fragments.isEmpty();
    }

    public void print(StringBuilder out) {
        out.append('{');
        boolean first = true;
        if (isEmpty()) {
            out.append("__typename");
        }
        for (FieldNode f : fields.values()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            if (f.alias != null) {
                out.append(f.alias).append(':');
            }
            out.append(f.name);
            if (!f.arguments.isEmpty()) {
                out.append('(');
                for (int i = 0; i < f.arguments.size(); i++) {
                    Argument a = f.arguments.get(i);
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(a.getName()).append(':').append(AstPrinter.printAst(a.getValue()));
                }
                out.append(')');
            }
            if (f.selection != null) {
                f.selection.print(out);
            }
        }
        for (Map.Entry<String, SelectionTree> e : fragments.entrySet()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            out.append("...on ").append(e.getKey());
            e.getValue().print(out);
        }
        out.append('}');
    }

    /** Adds the names of the variables this selection uses. */
    public void collectVariables(Set<String> out) {
        for (FieldNode f : fields.values()) {
            for (Argument a : f.arguments) {
                variables(a.getValue(), out);
            }
            if (f.selection != null) {
                f.selection.collectVariables(out);
            }
        }
        for (SelectionTree t : fragments.values()) {
            t.collectVariables(out);
        }
    }

    private static void variables(Value<?> v, Set<String> out) {
        switch (v) {
            case VariableReference r -> out.add(r.getName());
            case ArrayValue a -> a.getValues().forEach(x -> variables(x, out));
            case ObjectValue o -> o.getObjectFields().forEach(f -> variables(f.getValue(), out));
            default -> { }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        print(sb);
        return sb.toString();
    }
}
