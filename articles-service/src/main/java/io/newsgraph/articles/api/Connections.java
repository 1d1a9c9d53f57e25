package io.newsgraph.articles.api;

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

    @Name("ArticleConnection")
    public record ArticleConnection(@NonNull List<@NonNull ArticleEdge> edges, @NonNull PageInfo pageInfo) {
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
    public record ArticleSearchConnection(@NonNull List<@NonNull ArticleSearchEdge> edges, @NonNull PageInfo pageInfo) {
    }
}
