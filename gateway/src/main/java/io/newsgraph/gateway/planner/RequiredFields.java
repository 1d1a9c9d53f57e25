package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * {@code @requires} selections as planned. Every required field with arguments gets an alias of the gateway's
 * own, one per field and argument values, so that two fields requiring one field with different arguments each
 * get their own value; a representation sends it under the field's name. Two requirements that would send one
 * field with two values conflict: they cannot share a representation.
 */
final class RequiredFields {

    /** Gateway aliases by the field as printed with its arguments. */
    private final Map<String, String> aliases = new HashMap<>();

    List<Selection> planned(SelectionSet requires) {
        List<Selection> out = new ArrayList<>(requires.getSelections().size());
        for (Selection s : requires.getSelections()) {
            out.add(aliasArguments(s));
        }
        return out;
    }

    private Selection aliasArguments(Selection s) {
        if (s instanceof Field f) {
            SelectionSet sub = f.getSelectionSet() == null ? null : SelectionSet.newSelectionSet(planned(f.getSelectionSet())).build();
            if (f.getArguments().isEmpty()) {
                return sub == null ? f : f.transform(b -> b.selectionSet(sub));
            }
            StringBuilder printed = new StringBuilder(f.getName());
            f.getArguments().forEach(a -> printed.append('|').append(AstPrinter.printAst(a)));
            String alias = aliases.computeIfAbsent(printed.toString(), k -> f.getName() + "__r" + aliases.size());
            return f.transform(b -> b.alias(alias).selectionSet(sub));
        }
        if (s instanceof InlineFragment in) {
            return in.transform(b -> b.selectionSet(SelectionSet.newSelectionSet(planned(in.getSelectionSet())).build()));
        }
        return s;
    }

    /** Whether two planned requirements send one field (at one place) with different values. */
    static boolean conflict(List<Selection> a, List<Selection> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Map<String, List<Field>> byName = new HashMap<>();
        flatten(a, "", byName);
        Map<String, List<Field>> other = new HashMap<>();
        flatten(b, "", other);
        for (Map.Entry<String, List<Field>> e : other.entrySet()) {
            List<Field> mine = byName.get(e.getKey());
            if (mine == null) {
                continue;
            }
            for (Field x : mine) {
                for (Field y : e.getValue()) {
                    if (!x.getResultKey().equals(y.getResultKey())) {
                        return true;
                    }
                    if (x.getSelectionSet() != null && y.getSelectionSet() != null
                            && conflict(x.getSelectionSet().getSelections(), y.getSelectionSet().getSelections())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Fields by type condition and name; fields of fragments count under their type condition. */
    private static void flatten(List<Selection> selections, String condition, Map<String, List<Field>> out) {
        for (Selection s : selections) {
            if (s instanceof Field f) {
                out.computeIfAbsent(condition + "." + f.getName(), k -> new ArrayList<>()).add(f);
            } else if (s instanceof InlineFragment in) {
                String c = in.getTypeCondition() == null ? condition : in.getTypeCondition().getName();
                flatten(in.getSelectionSet().getSelections(), c, out);
            }
        }
    }
}
