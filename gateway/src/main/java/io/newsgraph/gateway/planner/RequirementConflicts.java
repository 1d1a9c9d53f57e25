package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;

/**
 * Whether two planned {@code @requires} selections can share one representation. Required fields with arguments
 * carry a gateway alias per argument values (see the planner), and a representation sends each under the field's
 * own name: one field with two aliases at the same place cannot be sent in one representation.
 */
final class RequirementConflicts {

    private RequirementConflicts() {
    }

    static boolean between(List<Selection> a, List<Selection> b) {
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
                            && between(x.getSelectionSet().getSelections(), y.getSelectionSet().getSelections())) {
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
