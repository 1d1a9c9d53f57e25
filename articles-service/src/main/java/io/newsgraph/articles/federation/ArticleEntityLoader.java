package io.newsgraph.articles.federation;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.newsgraph.articles.api.ArticleView;
import io.newsgraph.articles.api.ArticleViews;
import io.newsgraph.articles.domain.Article;
import io.newsgraph.articles.domain.ArticleService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves {@code Article} entity references so that one {@code _entities} field costs one SQL query.
 *
 * <p>SmallRye GraphQL calls the entity resolver once per representation, but every call sees the {@code _entities}
 * field's own arguments through its execution step. The first call loads all Article representations of that field
 * in one query and leaves the result in the operation's GraphQL context, keyed by the field's path; the other calls
 * read from it. SmallRye's own batch mode stays off: in 2.17, with it on, a {@code List<Article>} resolver is never
 * invoked ({@code AbstractDataFetcher} fails before the call and answers a result without data, as it does when
 * arguments cannot be transformed) and {@code FederationDataFetcher.executeList} then dereferences the missing
 * list: a NullPointerException.
 */
@ApplicationScoped
public class ArticleEntityLoader {

    private static final String KEY_PREFIX = ArticleEntityLoader.class.getName() + ":";

    private final ArticleService service;
    private final ArticleViews views;

    public ArticleEntityLoader(ArticleService service, ArticleViews views) {
        this.service = service;
        this.views = views;
    }

    public ArticleView load(String id, DataFetchingEnvironment env) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return null;
        }
        List<Map<String, Object>> representations = env == null ? null
                : env.getExecutionStepInfo().getArgument("representations");
        if (representations == null) {
            return service.find(uuid).map(views::view).orElse(null);
        }
        GraphQLContext context = env.getGraphQlContext();
        String key = KEY_PREFIX + env.getExecutionStepInfo().getPath();
        Map<UUID, ArticleView> batch = context.computeIfAbsent(key, k -> loadAll(representations));
        return batch.get(uuid);
    }

    private Map<UUID, ArticleView> loadAll(List<Map<String, Object>> representations) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Map<String, Object> r : representations) {
            if ("Article".equals(r.get("__typename")) && r.get("id") != null) {
                UUID uuid = uuid(String.valueOf(r.get("id")));
                if (uuid != null) {
                    ids.add(uuid);
                }
            }
        }
        Map<UUID, ArticleView> byId = new HashMap<>();
        for (Article a : service.findAll(ids)) {
            byId.put(a.id, views.view(a));
        }
        return byId;
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
