package io.newsgraph.entities.graphql;

import io.newsgraph.entities.config.EntitiesConfig;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.persistence.ExtractionRecord;
import io.newsgraph.entities.persistence.GraphReader;
import io.newsgraph.entities.persistence.StoredEntity;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities subgraph (Apollo Federation v2). Owns {@code Entity}; contributes {@code entities} and
 * {@code extraction} to {@code Article}.
 *
 * <p>Fields with arguments ({@code Entity.articles}, {@code Entity.related}, {@code Article.entities}) load through
 * {@link Siblings}: the first object of a list level that is asked loads the field for the whole level in one SQL
 * statement, once per distinct argument set (so aliases with different arguments stay correct). Fields without
 * arguments ({@code Article.extraction}, {@code ArticleEntity.mentions}) are SmallRye batch resolvers
 * ({@code @Source List<...>}), also one statement per level. {@code _entities} uses SmallRye's
 * federation batch resolving ({@code quarkus.smallrye-graphql.federation.batch-resolving-enabled}) with the list
 * reference resolvers below: one call, and at most one statement, per type.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7",
        _import = {@Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
                @Import(name = "@requires"), @Import(name = "@provides")})
@ReportsDatabaseOutages
public class EntityGraphApi {

    @Inject
    GraphReader reader;

    @Inject
    EntitiesConfig config;

    // ---- queries

    @Query
    @Description("One entity by id; null when there is none.")
    public EntityNode entity(@Id @NonNull String id) {
        long key = parseId(id);
        StoredEntity e = reader.entities(List.of(key)).get(key);
        return e == null ? null : EntityNode.of(e);
    }

    @Query
    @Description("Entities, those in most articles first.")
    public Connections.@NonNull EntityConnection entities(EntityFilter filter, Integer first, String after) {
        int limit = pageSize(first);
        GraphReader.EntityPosition position = Cursors.entityPosition(after);
        List<StoredEntity> rows = reader.entityPage(filter == null ? null : filter.type,
                filter == null ? null : filter.countryCode, position, limit + 1);
        Connections.EntityConnection c = new Connections.EntityConnection();
        c.edges = new ArrayList<>();
        for (EntityNode node : EntityNode.group(rows.subList(0, Math.min(limit, rows.size())))) {
            Connections.EntityEdge edge = new Connections.EntityEdge();
            edge.node = node;
            edge.cursor = Cursors.entity(node.articleCount, node.key());
            c.edges.add(edge);
        }
        c.pageInfo = Connections.pageInfo(rows.size() > limit, position != null,
                c.edges.isEmpty() ? null : c.edges.getFirst().cursor,
                c.edges.isEmpty() ? null : c.edges.getLast().cursor);
        return c;
    }

    @Query
    @Description("Entities whose name or an alias is like the query (trigram similarity: tolerates typos), best first.")
    public @NonNull List<@NonNull EntityNode> searchEntities(@NonNull String query, EntityType type, Integer first) {
        String q = query.strip();
        if (q.length() < 2 || q.length() > 200) {
            throw new InvalidArgumentException("query must be 2 to 200 characters");
        }
        int limit = first == null ? config.graphql().defaultPageSize() : first;
        if (limit < 1 || limit > config.graphql().maxSearchResults()) {
            throw new InvalidArgumentException("first must be 1 to " + config.graphql().maxSearchResults());
        }
        return EntityNode.group(reader.search(q, type, limit));
    }

    // ---- federation reference resolvers (batched: one call per _entities field and type)

    /*
     * The id lists carry no @Id: on a List parameter SmallRye 2.17 types the whole list as the ID scalar, argument
     * coercion fails, and its federation batch fetcher then dereferences the missing result (the NullPointerException
     * "resultList is null"). Representations are not type-checked against these arguments, so plain strings lose
     * nothing.
     */

    @Resolver
    @Description("Entity references of one _entities call, in the order given; null for unknown ids.")
    public List<EntityNode> entityReferences(@NonNull List<String> id) {
        Map<Long, EntityNode> found = new HashMap<>();
        EntityNode.group(List.copyOf(reader.entities(id.stream().map(EntityGraphApi::parseId).distinct().toList())
                .values())).forEach(n -> found.put(n.key(), n));
        List<EntityNode> out = new ArrayList<>(id.size());
        for (String i : id) {
            out.add(found.get(parseId(i)));
        }
        return out;
    }

    @Resolver
    @Description("Article references: this subgraph needs only the id to resolve its own Article fields.")
    public List<ArticleRef> articleReferences(@NonNull List<String> id) {
        return ArticleRef.group(id);
    }

    // ---- Entity fields

    /** One row of an entity's article page with its node, which shares a sibling group with the whole level. */
    private record ArticleRow(GraphReader.EntityArticle row, ArticleRef node) {
    }

    @Description("Articles that mention the entity, most salient first; each node is an Article reference.")
    public Connections.@NonNull ArticleConnection articles(@Source EntityNode entity, Integer first, String after) {
        int limit = pageSize(first);
        GraphReader.ArticlePosition position = Cursors.articlePosition(after);
        List<ArticleRow> rows = siblings(entity).get("articles", Arrays.asList(first, after), entity.key(), ids -> {
            List<GraphReader.EntityArticle> found = reader.articlesOf(ids, position, limit + 1);
            List<ArticleRef> nodes = ArticleRef.group(found.stream().map(GraphReader.EntityArticle::articleId).toList());
            Map<String, ArticleRef> byId = new HashMap<>();
            nodes.forEach(a -> byId.put(a.id, a));
            Map<Long, List<ArticleRow>> byEntity = new HashMap<>();
            for (GraphReader.EntityArticle ea : found) {
                byEntity.computeIfAbsent(ea.entityId(), k -> new ArrayList<>())
                        .add(new ArticleRow(ea, byId.get(ea.articleId())));
            }
            return byEntity;
        });
        rows = rows == null ? List.of() : rows;
        Connections.ArticleConnection c = new Connections.ArticleConnection();
        c.edges = new ArrayList<>();
        for (ArticleRow r : rows.subList(0, Math.min(limit, rows.size()))) {
            Connections.ArticleEdge edge = new Connections.ArticleEdge();
            edge.node = r.node();
            edge.salience = r.row().salience();
            edge.cursor = Cursors.article(r.row().salience(), r.row().articleId());
            c.edges.add(edge);
        }
        c.pageInfo = Connections.pageInfo(rows.size() > limit, position != null,
                c.edges.isEmpty() ? null : c.edges.getFirst().cursor,
                c.edges.isEmpty() ? null : c.edges.getLast().cursor);
        c.totalCount = entity.articleCount;
        return c;
    }

    @Description("Entities mentioned in the same articles, those sharing most articles first.")
    public @NonNull List<@NonNull RelatedEntity> related(@Source EntityNode entity, @DefaultValue("10") Integer first) {
        int limit = pageSize(first);
        List<RelatedEntity> related = siblings(entity).get("related", Arrays.asList(first), entity.key(),
                ids -> {
                    List<GraphReader.Related> rows = reader.related(ids, limit);
                    // the related entities of every sibling are one level: one group for all of them
                    List<EntityNode> nodes = EntityNode.group(rows.stream().map(GraphReader.Related::other).toList());
                    Map<Long, List<RelatedEntity>> byEntity = new HashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        RelatedEntity re = new RelatedEntity();
                        re.entity = nodes.get(i);
                        re.articleCount = rows.get(i).articleCount();
                        byEntity.computeIfAbsent(rows.get(i).entityId(), k -> new ArrayList<>()).add(re);
                    }
                    return byEntity;
                });
        return related == null ? List.of() : related;
    }

    // ---- Article fields

    @Name("entities")
    @Description("The article's entities, most salient first.")
    public @NonNull List<@NonNull ArticleEntityNode> articleEntities(@Source ArticleRef article, EntityType type,
                                                                    Double minSalience) {
        Siblings<String> siblings = article.siblings != null ? article.siblings : new Siblings<>(List.of(article.id));
        List<ArticleEntityNode> nodes = siblings.get("entities", Arrays.asList(type, minSalience),
                article.id, ids -> {
                    List<GraphReader.ArticleEntity> rows = reader.entitiesOfArticles(ids, type, minSalience);
                    List<EntityNode> entities = EntityNode.group(rows.stream().map(GraphReader.ArticleEntity::entity)
                            .toList());
                    Map<String, List<ArticleEntityNode>> byArticle = new HashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        GraphReader.ArticleEntity ae = rows.get(i);
                        ArticleEntityNode n = new ArticleEntityNode();
                        n.articleId = ae.articleId();
                        n.entity = entities.get(i);
                        n.salience = ae.salience();
                        n.mentionCount = ae.mentionCount();
                        byArticle.computeIfAbsent(ae.articleId(), k -> new ArrayList<>()).add(n);
                    }
                    return byArticle;
                });
        return nodes == null ? List.of() : nodes;
    }

    @Description("Where the entity is mentioned in the article, title first, in text order.")
    public List<@NonNull List<@NonNull MentionNode>> mentions(@Source List<ArticleEntityNode> items) {
        Set<String> articleIds = new LinkedHashSet<>();
        Set<Long> entityIds = new LinkedHashSet<>();
        items.forEach(i -> {
            articleIds.add(i.articleId);
            entityIds.add(i.entity.key());
        });
        Map<String, List<MentionNode>> byPair = new HashMap<>();
        for (GraphReader.StoredMention m : reader.mentions(articleIds, entityIds)) {
            MentionNode n = new MentionNode();
            n.field = m.field();
            n.start = m.start();
            n.end = m.end();
            n.text = m.text();
            byPair.computeIfAbsent(m.articleId() + "\u0000" + m.entityId(), k -> new ArrayList<>()).add(n);
        }
        return items.stream().map(i -> byPair.getOrDefault(i.articleId + "\u0000" + i.entity.id, List.of())).toList();
    }

    @Description("How the article's entities were extracted; null before the first extraction.")
    public List<ExtractionNode> extraction(@Source List<ArticleRef> articles) {
        Set<String> ids = new LinkedHashSet<>();
        articles.forEach(a -> ids.add(a.id));
        Map<String, ExtractionRecord> records = reader.extractions(ids);
        return articles.stream().map(a -> {
            ExtractionRecord r = records.get(a.id);
            if (r == null) {
                return null;
            }
            ExtractionNode n = new ExtractionNode();
            n.status = r.status;
            n.engine = r.engine;
            n.tookMillis = (int) Math.min(Integer.MAX_VALUE, r.tookMillis);
            n.version = r.version;
            n.extractedAt = r.extractedAt;
            n.entityCount = r.entityCount;
            return n;
        }).toList();
    }

    // ---- helpers

    private static Siblings<Long> siblings(EntityNode entity) {
        return entity.siblings != null ? entity.siblings : new Siblings<>(List.of(entity.key()));
    }

    private int pageSize(Integer first) {
        int size = first == null ? config.graphql().defaultPageSize() : first;
        if (size < 1 || size > config.graphql().maxPageSize()) {
            throw new InvalidArgumentException("first must be 1 to " + config.graphql().maxPageSize());
        }
        return size;
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
