package io.newsgraph.articles.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** Relay connection shapes, shared by REST and GraphQL. */
public final class Connections {

    private Connections() {
    }

    /** Shareable: other subgraphs define the same Relay type. */
    @Name("PageInfo")
    @Shareable
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    @Name("ArticleEdge")
    public record ArticleEdge(@NonNull String cursor, @NonNull ArticleView node) {
    }

    /** What {@code totalCount} of the article list means: the count stops at a maximum to stay one bounded read. */
    static final String LIST_COUNT = "Articles the filter selects over all pages, counted up to 10000"
            + " (newsgraph.articles.limits.max-total-count): a value equal to that maximum means \"at least that many\"."
            + " Counted only when asked for.";

    /** What {@code totalCount} of a search means: search ranks only the newest candidates. */
    static final String SEARCH_COUNT = "Matches over all pages among the newest 1000 matching articles"
            + " (newsgraph.articles.limits.search-candidates, the set a search ranks). Counted only when asked for.";

    /** {@code totalCount} is filled for GraphQL when asked for, and left out of REST answers. */
    @Name("ArticleConnection")
    public record ArticleConnection(@NonNull List<@NonNull ArticleEdge> edges, @NonNull PageInfo pageInfo,
                                    @Description(LIST_COUNT) @JsonInclude(JsonInclude.Include.NON_NULL)
                                    @NonNull Integer totalCount) {

        public ArticleConnection withTotalCount(int count) {
            return new ArticleConnection(edges, pageInfo, count);
        }
    }

    @Name("ArticleSearchEdge")
    public record ArticleSearchEdge(
            @NonNull String cursor,
            @NonNull ArticleView node,
            @Description("ts_rank_cd of the match; higher is better") double rank,
            @Description("Matching passages as plain text") @NonNull String snippet,
            @Description("The snippet HTML-escaped, matches wrapped in <mark>") @NonNull String snippetHtml,
            @Description("Where the matches are in snippet (character offsets, end exclusive)")
            @NonNull List<@NonNull SnippetHighlight> highlights) {
    }

    @Name("SnippetHighlight")
    public record SnippetHighlight(int start, int end) {
    }

    @Name("ArticleSearchConnection")
    public record ArticleSearchConnection(@NonNull List<@NonNull ArticleSearchEdge> edges, @NonNull PageInfo pageInfo,
                                          @Description(SEARCH_COUNT) @JsonInclude(JsonInclude.Include.NON_NULL)
                                          @NonNull Integer totalCount) {

        public ArticleSearchConnection withTotalCount(int count) {
            return new ArticleSearchConnection(edges, pageInfo, count);
        }
    }
}
