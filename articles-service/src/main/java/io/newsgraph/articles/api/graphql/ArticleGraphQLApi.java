package io.newsgraph.articles.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.newsgraph.articles.api.ArticleView;
import io.newsgraph.articles.api.ArticleViews;
import io.newsgraph.articles.api.Connections;
import io.newsgraph.articles.api.DateBounds;
import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.articles.domain.ArticleDraft;
import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ArticleService;
import io.newsgraph.articles.domain.ErrorCode;
import io.newsgraph.articles.federation.ArticleEntityLoader;
import io.newsgraph.articles.live.ProcessingFeed;
import io.newsgraph.articles.parse.TextFormat;
import io.newsgraph.service.DatabaseFailures;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import io.smallrye.graphql.api.Subscription;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The articles subgraph (Apollo Federation v2). Who may run an operation is decided for the whole document before it
 * runs ({@link io.newsgraph.security.graphql.GraphQLAccessCheck}: mutations need {@code editor}, from the token the
 * gateway forwards). Transactions live in {@link ArticleService}, not here.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7",
        _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class ArticleGraphQLApi {

    private final ArticleService service;
    private final ArticleViews views;
    private final ArticleEntityLoader entities;
    private final ArticlesConfig config;
    private final Context context;
    private final ProcessingFeed feed;

    public ArticleGraphQLApi(ArticleService service, ArticleViews views, ArticleEntityLoader entities,
                             ArticlesConfig config, Context context, ProcessingFeed feed) {
        this.service = service;
        this.feed = feed;
        this.views = views;
        this.entities = entities;
        this.config = config;
        this.context = context;
    }

    @Query("article")
    @Description("One article by id; null when there is none")
    public ArticleView article(@Id @NonNull String id) {
        return call(() -> {
            UUID uuid = uuidOrNull(id);
            return uuid == null ? null : service.find(uuid).map(views::view).orElse(null);
        });
    }

    @Query("articles")
    @Description("Articles newest first (publishedAt, else ingest time), as a Relay connection")
    public @NonNull Connections.ArticleConnection articles(GraphQLTypes.ArticleFilter filter, Integer first, String after,
                                                           Integer last, String before) {
        return call(() -> {
            String source = filter == null ? null : filter.source();
            OffsetDateTime from = filter == null ? null : DateBounds.lower("publishedFrom", filter.publishedFrom());
            OffsetDateTime to = filter == null ? null : DateBounds.upper("publishedTo", filter.publishedTo());
            Connections.ArticleConnection c = views.connection(service.list(source, from, to,
                    service.window(first, after, last, before)));
            return asked("totalCount") ? c.withTotalCount(service.count(source, from, to)) : c;
        });
    }

    @Query("searchArticles")
    @Description("Full-text search (web search syntax: words, \"phrases\", or, -not), best match first")
    public @NonNull Connections.ArticleSearchConnection searchArticles(@NonNull String query, Integer first, String after,
                                                                       Integer last, String before) {
        return call(() -> {
            Connections.ArticleSearchConnection c = views.searchConnection(query,
                    service.search(query, service.window(first, after, last, before)));
            return asked("totalCount") ? c.withTotalCount(service.searchCount(query)) : c;
        });
    }

    /** Whether the client selected this field of the value being resolved (a count is read only when asked for). */
    private boolean asked(String field) {
        return context.unwrap(DataFetchingEnvironment.class).getSelectionSet().contains(field);
    }

    /**
     * Federation reference resolver: all representations of one {@code _entities} call are loaded in one query (their
     * number is bounded before execution by {@code newsgraph.graphql.max-representations}).
     */
    @Resolver
    public ArticleView articleReference(@Id @NonNull String id) {
        return call(() -> entities.load(id, context.unwrap(DataFetchingEnvironment.class)));
    }

    @Mutation("ingestArticle")
    @Description("Stores a new article, a new version of the same externalId/url, or nothing when unchanged")
    public @NonNull GraphQLTypes.IngestArticlePayload ingestArticle(@NonNull GraphQLTypes.ArticleInput input) {
        return call(() -> {
            ArticleService.IngestResult r = service.ingest(new ArticleDraft(input.title(), input.body(), input.url(),
                    input.source(), input.publishedAt(), input.language(), input.externalId(), TextFormat.AUTO));
            return new GraphQLTypes.IngestArticlePayload(GraphQLTypes.IngestOutcome.valueOf(r.outcome().name()),
                    views.view(r.article()));
        });
    }

    @Mutation("updateArticle")
    @Description("Changes the given fields of the article at `version`; a stale version fails with VERSION_CONFLICT")
    public @NonNull ArticleView updateArticle(@Id @NonNull String id, int version,
                                              @NonNull GraphQLTypes.ArticlePatchInput input) {
        return call(() -> {
            checkClears(input);
            return views.view(service.update(uuid(id), version, c -> new ArticleDraft(
                    patched(input, GraphQLTypes.ClearableArticleField.TITLE, input.title(), c.title()), or(input.body(), c.body()),
                    patched(input, GraphQLTypes.ClearableArticleField.URL, input.url(), c.url()),
                    patched(input, GraphQLTypes.ClearableArticleField.SOURCE, input.source(), c.source()),
                    patched(input, GraphQLTypes.ClearableArticleField.PUBLISHED_AT, input.publishedAt(), c.publishedAt()),
                    patched(input, GraphQLTypes.ClearableArticleField.LANGUAGE, input.language(), c.language()),
                    c.externalId(), TextFormat.AUTO)));
        });
    }

    @Mutation("deleteArticle")
    @Description("Deletes the article at `version`")
    public @NonNull GraphQLTypes.DeleteArticlePayload deleteArticle(@Id @NonNull String id, int version) {
        return call(() -> {
            service.delete(uuid(id), version);
            return new GraphQLTypes.DeleteArticlePayload(id);
        });
    }

    @Mutation("retryArticleProcessing")
    @Description("Queues the article for delivery to extraction again")
    public @NonNull ArticleView retryArticleProcessing(@Id @NonNull String id) {
        return call(() -> {
            return views.view(service.retryProcessing(uuid(id)));
        });
    }

    @Subscription("articleProcessing")
    @Description("The article now, then again each time its processing changes (state, attempts, error, a new version); "
            + "completes after a DONE (its entities are then ready) or FAILED state, or when the article is deleted. "
            + "An unknown id fails with ARTICLE_NOT_FOUND.")
    public Multi<ArticleView> articleProcessing(@Id @NonNull String id) {
        UUID uuid = uuidOrNull(id);
        if (uuid == null) {
            return Multi.createFrom().failure(new GraphQLApiError(new ArticleException(ErrorCode.ARTICLE_NOT_FOUND, "no article with that id")));
        }
        return feed.watch(uuid).onFailure(ArticleException.class).transform(e -> new GraphQLApiError((ArticleException) e));
    }

    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (ArticleException e) {
            throw new GraphQLApiError(e);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw new GraphQLApiError(new ArticleException(ErrorCode.DATABASE_UNAVAILABLE,
                        "the database is unavailable; retry shortly"));
            }
            throw e;
        }
    }

    private static String or(String value, String current) {
        return value != null ? value : current;
    }

    /** Cleared: null; given: the new value; else the current one. */
    private static <T> T patched(GraphQLTypes.ArticlePatchInput input, GraphQLTypes.ClearableArticleField field, T value, T current) {
        return input.clears(field) ? null : value != null ? value : current;
    }

    /** A field both given and cleared is a contradiction, not a choice to make for the client. */
    private static void checkClears(GraphQLTypes.ArticlePatchInput input) {
        Map<GraphQLTypes.ClearableArticleField, Object> given = new EnumMap<>(GraphQLTypes.ClearableArticleField.class);
        given.put(GraphQLTypes.ClearableArticleField.TITLE, input.title());
        given.put(GraphQLTypes.ClearableArticleField.URL, input.url());
        given.put(GraphQLTypes.ClearableArticleField.SOURCE, input.source());
        given.put(GraphQLTypes.ClearableArticleField.PUBLISHED_AT, input.publishedAt());
        given.put(GraphQLTypes.ClearableArticleField.LANGUAGE, input.language());
        for (var e : given.entrySet()) {
            if (e.getValue() != null && input.clears(e.getKey())) {
                throw new ArticleException(ErrorCode.INVALID_ARGUMENT,
                        "field " + e.getKey() + " is both given a value and listed in clear");
            }
        }
    }

    private static UUID uuid(String id) {
        UUID uuid = uuidOrNull(id);
        if (uuid == null) {
            throw new ArticleException(ErrorCode.ARTICLE_NOT_FOUND, "no article with that id");
        }
        return uuid;
    }

    private static UUID uuidOrNull(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
