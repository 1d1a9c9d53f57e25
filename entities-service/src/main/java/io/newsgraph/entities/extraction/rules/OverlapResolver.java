package io.newsgraph.entities.extraction.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Leaves no two candidates overlapping: patterns first, then dates, then the longer span, then the earlier rule. */
final class OverlapResolver {

    private OverlapResolver() {
    }

    static List<Candidate> resolve(List<Candidate> candidates) {
        List<Candidate> byPriority = new ArrayList<>(candidates);
        byPriority.sort(Comparator.comparingInt(OverlapResolver::rank)
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.end - c.start).reversed())
                .thenComparingInt(c -> c.start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : byPriority) {
            if (!c.isEmpty() && kept.stream().noneMatch(k -> k.overlaps(c))) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(c -> c.start));
        return kept;
    }

    private static int rank(Candidate c) {
        return switch (c.source) {
            case PATTERN -> 0;
            case DATE_RULE -> 1;
            case GAZETTEER -> 2;
            case ENGINE, TITLE_RULE -> 3;
            case PROPAGATED -> 4;
        };
    }
}
