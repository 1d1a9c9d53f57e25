package io.newsgraph.entities.graphql;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/**
 * Relay connection types. Names stay clear of the article subgraph's {@code ArticleConnection} and
 * {@code ArticleEdge}; {@code PageInfo} is the same type in both subgraphs, so it is {@code @shareable}.
 */
public final class Connections {

    private Connections() {
    }

    /** Relay page information. */
    @Shareable
    public static class PageInfo {
        public boolean hasNextPage;
        public boolean hasPreviousPage;
        public String startCursor;
        public String endCursor;
    }

    /** A page of entities: the entity list, or a name search. */
    public static class EntityConnection {
        @NonNull
        public List<@NonNull EntityEdge> edges;
        @NonNull
        public PageInfo pageInfo;
        @Description(Counts.CAPPED)
        public int totalCount;
    }

    public static class EntityEdge {
        @NonNull
        public String cursor;
        @NonNull
        public EntityNode node;
    }

    /** A page of the articles that mention an entity, most salient first. */
    @Name("EntityArticleConnection")
    public static class ArticleConnection {
        @NonNull
        public List<@NonNull ArticleEdge> edges;
        @NonNull
        public PageInfo pageInfo;
        @Description("Articles that mention the entity, over all pages.")
        public int totalCount;
    }

    @Name("EntityArticleEdge")
    public static class ArticleEdge {
        @NonNull
        public String cursor;
        @NonNull
        @Description("The article; its other fields come from articles-service through the gateway.")
        public ArticleRef node;
        @Description("How central the entity is to this article (0..1).")
        public double salience;
    }

    /** A page of the entities mentioned together with one entity, those sharing most articles first. */
    @Name("RelatedEntityConnection")
    public static class RelatedConnection {
        @NonNull
        public List<@NonNull RelatedEntity> edges;
        @NonNull
        public PageInfo pageInfo;
        @Description(Counts.CAPPED)
        public int totalCount;
    }

    static PageInfo pageInfo(boolean hasNext, boolean hasPrevious, String start, String end) {
        PageInfo p = new PageInfo();
        p.hasNextPage = hasNext;
        p.hasPreviousPage = hasPrevious;
        p.startCursor = start;
        p.endCursor = end;
        return p;
    }

    /** Page information of a page whose edges have these cursors. */
    static PageInfo pageInfo(io.newsgraph.service.paging.PageWindow.Page<?> page, List<String> cursors) {
        return pageInfo(page.hasNextPage(), page.hasPreviousPage(), cursors.isEmpty() ? null : cursors.getFirst(),
                cursors.isEmpty() ? null : cursors.getLast());
    }
}
