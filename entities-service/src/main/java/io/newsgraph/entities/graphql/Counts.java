package io.newsgraph.entities.graphql;

/** What a connection's {@code totalCount} means where an exact count would read an unbounded set. */
final class Counts {

    /**
     * Kept in step with {@code newsgraph.entities.graphql.max-total-count}: the count stops there so that it reads one
     * bounded index range, whatever the archive holds.
     */
    static final String CAPPED = "Items over all pages, counted up to 10000 (newsgraph.entities.graphql.max-total-count):"
            + " a value equal to that maximum means \"at least that many\". Counted only when asked for.";

    private Counts() {
    }
}
