package io.newsgraph.gateway.planner;

import java.util.Set;

/**
 * One step of a merge path: a response key (lists below it are flattened, {@code listDepth} times), or a type
 * condition that keeps only objects whose {@code __typename} is one of {@code types}.
 */
public record PathElement(String key, int listDepth, Set<String> types) {

    public static PathElement field(String key, int listDepth) {
        return new PathElement(key, listDepth, null);
    }

    public static PathElement typeCondition(String type) {
        return new PathElement(null, 0, Set.of(type));
    }

    public boolean isTypeCondition() {
        return key == null;
    }

    @Override
    public String toString() {
        if (isTypeCondition()) {
            return "|" + types;
        }
        return key + ".@".repeat(listDepth);
    }
}
