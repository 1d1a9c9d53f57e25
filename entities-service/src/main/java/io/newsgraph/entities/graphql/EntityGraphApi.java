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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities subgraph (Apollo Federation v2). Owns {@code Entity}; contributes {@code entities} and
 * {@code extraction} to {@code Article}.
 *
 * <p>Every list-valued or per-parent field is a batch resolver ({@code @Source List<...>}): SmallRye calls it once per
 * field and level with all parents, and it answers with one SQL statement. {@code _entities} uses SmallRye's
 * federation batch resolving ({@code quarkus.smallrye-graphql.federation.batch-resolving-enabled}) with the list
 * reference resolvers below: one call, and at most one statement, per type.
 */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.7",
        _import = {@Import(name = "@key"), @Import(name = "@shareable"), @Import(name = "@external"),
                @Import(name = "@requires"), @Import(name = "@provides")})
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
        for (StoredEntity e : rows.subList(0, Math.min(limit, rows.size()))) {
            Connections.EntityEdge edge = new Connections.EntityEdge();
            edge.node = EntityNode.of(e);
            edge.cursor = Cursors.entity(e.articleCount(), e.id());
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
        return reader.search(q, type, limit).stream().map(EntityNode::of).toList();
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
        Map<Long, StoredEntity> found = reader.entities(id.stream().map(EntityGraphApi::parseId).distinct().toList());
        List<EntityNode> out = new ArrayList<>(id.size());
        for (String i : id) {
            StoredEntity e = found.get(parseId(i));
            out.add(e == null ? null : EntityNode.of(e));
        }
        return out;
    }

    @Resolver
    @Description("Article references: this subgraph needs only the id to resolve its own Article fields.")
    public List<ArticleRef> articleReferences(@NonNull List<String> id) {
        return id.stream().map(ArticleRef::new).toList();
    }

    // ---- Entity fields

    @Description("Articles that mention the entity, most salient first; each node is an Article reference.")
    public List<Connections.@NonNull ArticleConnection> articles(@Source List<EntityNode> entities, Integer first,
                                                                 String after) {
        int limit = pageSize(first);
        GraphReader.ArticlePosition position = Cursors.articlePosition(after);
        Map<Long, List<GraphReader.EntityArticle>> byEntity = new HashMap<>();
        for (GraphReader.EntityArticle ea : reader.articlesOf(ids(entities), position, limit + 1)) {
            byEntity.computeIfAbsent(ea.entityId(), k -> new ArrayList<>()).add(ea);
        }
        List<Connections.ArticleConnection> out = new ArrayList<>(entities.size());
        for (EntityNode e : entities) {
            List<GraphReader.EntityArticle> rows = byEntity.getOrDefault(e.key(), List.of());
            Connections.ArticleConnection c = new Connections.ArticleConnection();
            c.edges = new ArrayList<>();
            for (GraphReader.EntityArticle ea : rows.subList(0, Math.min(limit, rows.size()))) {
                Connections.ArticleEdge edge = new Connections.ArticleEdge();
                edge.node = new ArticleRef(ea.articleId());
                edge.salience = ea.salience();
                edge.cursor = Cursors.article(ea.salience(), ea.articleId());
                c.edges.add(edge);
            }
            c.pageInfo = Connections.pageInfo(rows.size() > limit, position != null,
                    c.edges.isEmpty() ? null : c.edges.getFirst().cursor,
                    c.edges.isEmpty() ? null : c.edges.getLast().cursor);
            c.totalCount = e.articleCount;
            out.add(c);
        }
        return out;
    }

    @Description("Entities mentioned in the same articles, those sharing most articles first.")
    public List<@NonNull List<@NonNull RelatedEntity>> related(@Source List<EntityNode> entities,
                                                               @DefaultValue("10") Integer first) {
        int limit = pageSize(first);
        Map<Long, List<RelatedEntity>> byEntity = new HashMap<>();
        for (GraphReader.Related r : reader.related(ids(entities), limit)) {
            RelatedEntity re = new RelatedEntity();
            re.entity = EntityNode.of(r.other());
            re.articleCount = r.articleCount();
            byEntity.computeIfAbsent(r.entityId(), k -> new ArrayList<>()).add(re);
        }
        return entities.stream().map(e -> byEntity.getOrDefault(e.key(), List.of())).toList();
    }

    // ---- Article fields

    @Name("entities")
    @Description("The article's entities, most salient first.")
    public List<@NonNull List<@NonNull ArticleEntityNode>> articleEntities(@Source List<ArticleRef> articles,
                                                                          EntityType type, Double minSalience) {
        Map<String, List<ArticleEntityNode>> byArticle = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        articles.forEach(a -> ids.add(a.id));
        for (GraphReader.ArticleEntity ae : reader.entitiesOfArticles(ids, type, minSalience)) {
            ArticleEntityNode n = new ArticleEntityNode();
            n.articleId = ae.articleId();
            n.entity = EntityNode.of(ae.entity());
            n.salience = ae.salience();
            n.mentionCount = ae.mentionCount();
            byArticle.computeIfAbsent(ae.articleId(), k -> new ArrayList<>()).add(n);
        }
        return articles.stream().map(a -> byArticle.getOrDefault(a.id, List.of())).toList();
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

    private int pageSize(Integer first) {
        int size = first == null ? config.graphql().defaultPageSize() : first;
        if (size < 1 || size > config.graphql().maxPageSize()) {
            throw new InvalidArgumentException("first must be 1 to " + config.graphql().maxPageSize());
        }
        return size;
    }

    private static List<Long> ids(List<EntityNode> entities) {
        return entities.stream().map(EntityNode::key).distinct().toList();
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
