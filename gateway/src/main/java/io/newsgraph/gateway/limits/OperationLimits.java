package io.newsgraph.gateway.limits;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Measures an operation before it costs anything: field depth, aliases and fields, with fragments expanded
 * (a fragment used twice counts twice, as it is executed twice).
 */
public final class OperationLimits {

    /** What was measured. */
    public record Measure(int depth, int aliases, int fields) {
    }

    private final Map<String, FragmentDefinition> fragments;
    private final int stopAt;
    private int aliases;
    private int fields;
    private int maxDepth;

    private OperationLimits(Map<String, FragmentDefinition> fragments, int stopAt) {
        this.fragments = fragments;
        this.stopAt = stopAt;
    }

    /**
     * @param stopAt counting stops once the field count passes this (fragment bombs cannot make measuring expensive)
     */
    public static Measure measure(OperationDefinition op, Map<String, FragmentDefinition> fragments, int stopAt) {
        OperationLimits m = new OperationLimits(fragments, stopAt);
        m.walk(op.getSelectionSet(), 0, new HashSet<>());
        return new Measure(m.maxDepth, m.aliases, m.fields);
    }

    private void walk(SelectionSet set, int depth, Set<String> inProgress) {
        if (set == null || fields > stopAt) {
            return;
        }
        for (Selection<?> s : set.getSelections()) {
            switch (s) {
                case Field f -> {
                    fields++;
                    if (f.getAlias() != null) {
                        aliases++;
                    }
                    int d = depth + 1;
                    if (d > maxDepth) {
                        maxDepth = d;
                    }
                    walk(f.getSelectionSet(), d, inProgress);
                }
                case InlineFragment in -> walk(in.getSelectionSet(), depth, inProgress);
                case FragmentSpread spread -> {
                    FragmentDefinition def = fragments.get(spread.getName());
                    if (def != null && inProgress.add(spread.getName())) {
                        walk(def.getSelectionSet(), depth, inProgress);
                        inProgress.remove(spread.getName());
                    }
                }
                default -> { }
            }
        }
    }
}
