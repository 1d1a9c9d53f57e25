package io.newsgraph.entities.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.newsgraph.entities.config.EntitiesConfig;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.location.MentionLocator;
import io.newsgraph.entities.persistence.ExtractionRecord;
import io.newsgraph.entities.persistence.GraphReader;
import io.newsgraph.entities.persistence.StoredEntity;
import io.newsgraph.service.paging.PageWindow;
import io.smallrye.graphql.api.Context;
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
import java.util.function.IntSupplier;

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

    @Inject
    Context context;

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
    public Connections.EntityConnection entities(EntityFilter filter, Integer first, String after, Integer last,
                                                 String before) {
        PageWindow w = window(first, after, last, before, config.graphql().maxPageSize());
        GraphReader.EntityPosition at = Cursors.entityPosition(w.cursor());
        EntityType type = filter == null ? null : filter.type;
        String country = filter == null ? null : filter.countryCode;
        GraphReader.Reading reading = GraphReader.Reading.page(w.backward());
        List<StoredEntity> rows = reader.entityPage(type, country, at, reading, w.fetchSize());
        boolean beyond = at != null && !reader.entityPage(type, country, at, reading.probe(), 1).isEmpty();
        PageWindow.Page<StoredEntity> page = w.page(rows, beyond);
        Connections.EntityConnection c = new Connections.EntityConnection();
        c.edges = new ArrayList<>();
        for (EntityNode node : EntityNode.group(page.items())) {
            c.edges.add(edge(node, Cursors.entity(node.articleCount, node.key())));
        }
        c.pageInfo = Connections.pageInfo(page, c.edges.stream().map(e -> e.cursor).toList());
        if (asked("totalCount")) {
            c.totalCount = reader.countEntities(type, country, config.graphql().maxTotalCount());
        }
        return c;
    }

    /** One search hit and its position in the ranking (its cursor). */
    private record Ranked(StoredEntity entity, int position) {
    }

    @Query
    @Description("Entities whose name or an alias is like the query (trigram similarity: tolerates typos), best first.")
    public Connections.EntityConnection searchEntities(@NonNull String query, EntityType type, Integer first,
                                                       String after, Integer last, String before) {
        String q = query.strip();
        if (q.length() < 2 || q.length() > 200) {
            throw new InvalidArgumentException("query must be 2 to 200 characters");
        }
        PageWindow w = window(first, after, last, before, config.graphql().maxSearchResults());
        Integer position = Cursors.searchPosition(w.cursor(), q, type);
        int candidates = config.graphql().searchCandidates();
        // the ranking holds at most twice the candidates, so no page reads deeper than that
        int depth = 2 * candidates;
        Integer[] total = new Integer[1];
        IntSupplier count = () -> {
            if (total[0] == null) {
                total[0] = reader.countSearch(q, type, candidates);
            }
            return total[0];
        };
        PageWindow.Page<Ranked> page = w.positional(position, count, (from, n) -> {
            int upTo = Math.min(n, Math.max(0, depth - from));
            List<StoredEntity> found = upTo == 0 ? List.of() : reader.search(q, type, candidates, from, upTo);
            List<Ranked> out = new ArrayList<>(found.size());
            for (int i = 0; i < found.size(); i++) {
                out.add(new Ranked(found.get(i), from + i));
            }
            return out;
        });
        Connections.EntityConnection c = new Connections.EntityConnection();
        c.edges = new ArrayList<>();
        List<EntityNode> nodes = EntityNode.group(page.items().stream().map(Ranked::entity).toList());
        for (int i = 0; i < nodes.size(); i++) {
            c.edges.add(edge(nodes.get(i), Cursors.search(q, type, page.items().get(i).position())));
        }
        c.pageInfo = Connections.pageInfo(page, c.edges.stream().map(e -> e.cursor).toList());
        if (asked("totalCount")) {
            c.totalCount = count.getAsInt();
        }
        return c;
    }

    private static Connections.EntityEdge edge(EntityNode node, String cursor) {
        Connections.EntityEdge edge = new Connections.EntityEdge();
        edge.node = node;
        edge.cursor = cursor;
        return edge;
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
    public Connections.@NonNull ArticleConnection articles(@Source EntityNode entity, Integer first, String after,
                                                           Integer last, String before) {
        PageWindow w = window(first, after, last, before, config.graphql().maxPageSize());
        GraphReader.ArticlePosition at = Cursors.articlePosition(w.cursor());
        GraphReader.Reading reading = GraphReader.Reading.page(w.backward());
        List<Object> arguments = Arrays.asList(first, after, last, before);
        List<ArticleRow> rows = siblings(entity).get("articles", arguments, entity.key(), ids -> {
            List<GraphReader.EntityArticle> found = reader.articlesOf(ids, at, reading, w.fetchSize());
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
        boolean beyond = at != null && Boolean.TRUE.equals(siblings(entity).get("articles-probe", arguments,
                entity.key(), ids -> present(reader.articlesOf(ids, at, reading.probe(), 1).stream()
                        .map(GraphReader.EntityArticle::entityId).toList())));
        PageWindow.Page<ArticleRow> page = w.page(rows == null ? List.of() : rows, beyond);
        Connections.ArticleConnection c = new Connections.ArticleConnection();
        c.edges = new ArrayList<>();
        for (ArticleRow r : page.items()) {
            Connections.ArticleEdge edge = new Connections.ArticleEdge();
            edge.node = r.node();
            edge.salience = r.row().salience();
            edge.cursor = Cursors.article(r.row().salience(), r.row().articleId());
            c.edges.add(edge);
        }
        c.pageInfo = Connections.pageInfo(page, c.edges.stream().map(e -> e.cursor).toList());
        c.totalCount = entity.articleCount;
        return c;
    }

    @Description("Entities mentioned in the same articles, those sharing most articles first.")
    public Connections.@NonNull RelatedConnection related(@Source EntityNode entity, @DefaultValue("10") Integer first,
                                                          String after, Integer last, String before) {
        // the schema's default of first applies to forward pages only: last or before alone pages backward
        Integer forward = (last != null || before != null) && !written("first") ? null : first;
        PageWindow w = window(forward, after, last, before, config.graphql().maxPageSize());
        GraphReader.RelatedPosition at = Cursors.relatedPosition(w.cursor());
        GraphReader.Reading reading = GraphReader.Reading.page(w.backward());
        List<Object> arguments = Arrays.asList(forward, after, last, before);
        List<RelatedEntity> related = siblings(entity).get("related", arguments, entity.key(), ids -> {
            List<GraphReader.Related> rows = reader.related(ids, at, reading, w.fetchSize());
            // the related entities of every sibling are one level: one group for all of them
            List<EntityNode> nodes = EntityNode.group(rows.stream().map(GraphReader.Related::other).toList());
            Map<Long, List<RelatedEntity>> byEntity = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                RelatedEntity re = new RelatedEntity();
                re.node = nodes.get(i);
                re.articleCount = rows.get(i).articleCount();
                re.cursor = Cursors.related(re.articleCount, re.node.key());
                byEntity.computeIfAbsent(rows.get(i).entityId(), k -> new ArrayList<>()).add(re);
            }
            return byEntity;
        });
        boolean beyond = at != null && Boolean.TRUE.equals(siblings(entity).get("related-probe", arguments,
                entity.key(), ids -> present(reader.related(ids, at, reading.probe(), 1).stream()
                        .map(GraphReader.Related::entityId).toList())));
        PageWindow.Page<RelatedEntity> page = w.page(related == null ? List.of() : related, beyond);
        Connections.RelatedConnection c = new Connections.RelatedConnection();
        c.edges = page.items();
        c.pageInfo = Connections.pageInfo(page, c.edges.stream().map(e -> e.cursor).toList());
        if (asked("totalCount")) {
            Integer n = siblings(entity).get("related-count", List.of(), entity.key(),
                    ids -> reader.countRelated(ids, config.graphql().maxTotalCount()));
            c.totalCount = n == null ? 0 : n;
        }
        return c;
    }

    private static Map<Long, Boolean> present(List<Long> ids) {
        Map<Long, Boolean> out = new HashMap<>();
        ids.forEach(id -> out.put(id, Boolean.TRUE));
        return out;
    }

    // ---- Article fields

    /*
     * Nullable on purpose: Article belongs to articles-service, and when this subgraph fails the gateway can null this
     * field alone (with an error at its path) instead of the whole article. The elements carry no @NonNull: SmallRye
     * reads a type-use @NonNull anywhere in the return type as one on the field, which would make the list non-null.
     */
    @Name("entities")
    @Description("The article's entities, most salient first; null (with an error at this path) when they could not be"
            + " loaded.")
    public List<ArticleEntityNode> articleEntities(@Source ArticleRef article, EntityType type,
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
            n.field = MentionNode.Field.valueOf(m.field());
            n.start = m.start();
            n.end = m.end();
            n.text = m.text();
            n.context = m.context() == null ? MentionNode.Context.PROSE : MentionNode.Context.valueOf(m.context());
            n.counted = n.context == MentionNode.Context.PROSE;
            n.articleId = m.articleId();
            byPair.computeIfAbsent(m.articleId() + "\u0000" + m.entityId(), k -> new ArrayList<>()).add(n);
        }
        return items.stream().map(i -> byPair.getOrDefault(i.articleId + "\u0000" + i.entity.id, List.of())).toList();
    }

    @Description("Where the mention is in the parts the article is rendered in: one location per part that shows it (a"
            + " mention in the lede is in LEDE and in its section's PARAGRAPH). Empty when it is in text no part shows,"
            + " or when the article was extracted without a layout.")
    public List<@NonNull List<@NonNull MentionLocationNode>> locations(@Source List<MentionNode> mentions) {
        Set<String> articleIds = new LinkedHashSet<>();
        mentions.forEach(m -> articleIds.add(m.articleId));
        // one statement for the level; a locator per article, built once
        Map<String, MentionLocator> locators = new HashMap<>();
        reader.layouts(articleIds).forEach((id, layout) -> locators.put(id, new MentionLocator(layout)));
        return mentions.stream().map(m -> {
            if (m.field == MentionNode.Field.TITLE) {
                return MentionLocator.inTitle(m.start, m.end).stream().map(MentionLocationNode::of).toList();
            }
            MentionLocator locator = locators.get(m.articleId);
            return locator == null ? List.<MentionLocationNode>of()
                    : locator.locate(m.start, m.end).stream().map(MentionLocationNode::of).toList();
        }).toList();
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
            n.status = ExtractionNode.Status.valueOf(r.status);
            n.engine = r.engine;
            n.tookMillis = (int) Math.min(Integer.MAX_VALUE, r.tookMillis);
            // article versions are Int in the schema (Article.version): an article changes far fewer times than that
            n.version = (int) Math.min(Integer.MAX_VALUE, r.version);
            n.extractedAt = r.extractedAt;
            n.entityCount = r.entityCount;
            return n;
        }).toList();
    }

    // ---- helpers

    private static Siblings<Long> siblings(EntityNode entity) {
        return entity.siblings != null ? entity.siblings : new Siblings<>(List.of(entity.key()));
    }

    private PageWindow window(Integer first, String after, Integer last, String before, int max) {
        try {
            return PageWindow.of(first, after, last, before, config.graphql().defaultPageSize(), max);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
    }

    /** Whether the client selected this field of the value being resolved (a count is read only when asked for). */
    private boolean asked(String field) {
        return context.unwrap(DataFetchingEnvironment.class).getSelectionSet().contains(field);
    }

    /** Whether the client wrote this argument (a schema default is not the client's choice). */
    private boolean written(String argument) {
        return context.unwrap(DataFetchingEnvironment.class).getField().getArguments().stream()
                .anyMatch(a -> a.getName().equals(argument));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
