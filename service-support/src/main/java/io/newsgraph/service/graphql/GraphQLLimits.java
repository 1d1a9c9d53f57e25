package io.newsgraph.service.graphql;

import java.util.Optional;

/**
 * The limits as values, and the policy that compares an operation's {@link OperationMeasure} with them. Kept apart
 * from the walk that measures, so each can be tested alone.
 */
public record GraphQLLimits(int maxDepth, int maxAliases, long maxCost, int defaultListSize, int maxPageSize,
                            int maxRepresentations, long maxAnswerFields, long maxAnswerBytes) {

    /** The first limit the operation breaks, most specific first; empty when it may run. */
    public Optional<LimitExceeded> check(OperationMeasure m) {
        if (m.largestPage() > maxPageSize) {
            return Optional.of(new LimitExceeded(LimitExceeded.MAX_PAGE_SIZE_EXCEEDED,
                    "a page of " + m.largestPage() + " items was asked for; the limit is " + maxPageSize));
        }
        if (m.largestRepresentations() > maxRepresentations) {
            return Optional.of(new LimitExceeded(LimitExceeded.MAX_REPRESENTATIONS_EXCEEDED,
                    m.largestRepresentations() + " representations in one _entities call; the limit is "
                            + maxRepresentations));
        }
        if (m.depth() > maxDepth) {
            return Optional.of(new LimitExceeded(LimitExceeded.MAX_DEPTH_EXCEEDED,
                    "the operation nests " + m.depth() + " levels deep; the limit is " + maxDepth));
        }
        if (m.aliases() > maxAliases) {
            return Optional.of(new LimitExceeded(LimitExceeded.MAX_ALIASES_EXCEEDED,
                    "the operation has " + m.aliases() + " aliases; the limit is " + maxAliases));
        }
        if (m.cost() > maxCost) {
            return Optional.of(new LimitExceeded(LimitExceeded.COST_ESTIMATED_TOO_EXPENSIVE,
                    "the operation's estimated cost is " + (m.cost() >= OperationMeter.COST_CAP ? "over " : "")
                            + Math.min(m.cost(), OperationMeter.COST_CAP) + "; the limit is " + maxCost));
        }
        return Optional.empty();
    }

    public LimitExceeded answerTooLarge() {
        return new LimitExceeded(LimitExceeded.MAX_ANSWER_SIZE_EXCEEDED,
                "the answer would carry more than " + maxAnswerFields + " fields; ask for smaller pages or fewer fields");
    }

    public LimitExceeded answerTooManyBytes() {
        return new LimitExceeded(LimitExceeded.MAX_ANSWER_SIZE_EXCEEDED,
                "the answer would be larger than " + maxAnswerBytes + " bytes; ask for smaller pages or fewer fields");
    }
}
