package io.newsgraph.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.persistence.GraphSql;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.SqlCapture;
import io.newsgraph.entities.support.SqlCaptureProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph at a size where a scan would show: the tables filled with generated rows (a hub entity in every filled
 * article, 6 entities an article, mentions, co-occurrence), then analysed. Guards without timing:
 * <ul>
 *   <li>a write costs the same number of statements in the filled archive as in a nearly empty one;</li>
 *   <li>no statement that the write and read paths run, as captured from the service's own SQL log, is planned with a
 *       sequential scan of a large table. Plans are PostgreSQL's generic plans (parameters unknown), which the driver's
 *       server-side prepared statements end up using.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(SqlCaptureProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class GraphAtSizeTest {

    private static final Logger LOG = Logger.getLogger(GraphAtSizeTest.class);
    private static final int FILL_ENTITIES = 40_000;
    private static final int FILL_ARTICLES = 20_000;
    private static final int PER_ARTICLE = 6;
    private static final Set<String> LARGE = Set.of("entity", "entity_key", "article_entity", "mention",
            "co_occurrence", "extraction");

    /** Statements of one probe write while the archive was nearly empty; set once, before the fill. */
    private static double smallArchiveStatements = -1;
    private static boolean filled;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GraphSql sql;

    @BeforeEach
    void fill() throws SQLException {
        if (filled) {
            return;
        }
        script();
        Api.put("size-warmup", 1, null, "Corvane Harbour Trust met at Lisle Quay.").then().statusCode(200);
        smallArchiveStatements = probeWrite("size-probe-small", "Anselm Verhoeven", "Brigid Okonkwo-Lay");
        execute("""
                INSERT INTO entity (type, name, normalized_name, search_names, article_count, mention_count)
                SELECT (ARRAY['PERSON','ORGANIZATION','LOCATION'])[1 + g %% 3], 'Filler Name ' || g, 'filler name ' || g,
                       'Filler Name ' || g, %1$d / g + 1, 2 * (%1$d / g + 1)
                FROM generate_series(1, %2$d) g""".formatted(FILL_ARTICLES, FILL_ENTITIES));
        execute("""
                INSERT INTO entity_key (type, key, kind, entity_id)
                SELECT type, normalized_name, 1, id FROM entity WHERE name LIKE 'Filler Name %'""");
        execute("""
                INSERT INTO extraction (article_id, version, status, entity_count)
                SELECT 'fill-' || a, 1, 'DONE', %d FROM generate_series(1, %d) a""".formatted(PER_ARTICLE, FILL_ARTICLES));
        // entity k of filled article a; k = 0 is the hub, the filler entity with the smallest id
        execute("""
                INSERT INTO article_entity (article_id, entity_id, salience, mention_count)
                SELECT 'fill-' || a, m.first + (CASE WHEN k = 0 THEN 0 ELSE 1 + (a * 7919 + k * 104729) %% (%d - 1) END),
                       random(), 2
                FROM generate_series(1, %d) a, generate_series(0, %d) k,
                     (SELECT min(id) AS first FROM entity WHERE name LIKE 'Filler Name %%') m
                ON CONFLICT DO NOTHING""".formatted(FILL_ENTITIES, FILL_ARTICLES, PER_ARTICLE - 1));
        execute("""
                INSERT INTO mention (article_id, entity_id, field, start_offset, end_offset, text)
                SELECT ae.article_id, ae.entity_id, 'BODY', 10 * n, 10 * n + 6, 'Filler'
                FROM article_entity ae, generate_series(1, 2) n WHERE ae.article_id LIKE 'fill-%'""");
        execute("""
                INSERT INTO co_occurrence (entity_id, other_id, article_count)
                SELECT a.entity_id, b.entity_id, count(*) FROM article_entity a
                JOIN article_entity b ON b.article_id = a.article_id AND b.entity_id <> a.entity_id
                WHERE a.article_id LIKE 'fill-%'
                GROUP BY 1, 2
                ON CONFLICT (entity_id, other_id)
                DO UPDATE SET article_count = co_occurrence.article_count + excluded.article_count""");
        execute("ANALYZE");
        LOG.infof("filled: %d article_entity rows, %d co_occurrence rows", number("SELECT count(*) FROM article_entity"),
                number("SELECT count(*) FROM co_occurrence"));
        filled = true;
    }

    private static void script() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Corvane Harbour Trust");
        ScriptedPipeline.define(EntityType.LOCATION, "Lisle Quay");
        for (String p : List.of("Anselm Verhoeven", "Brigid Okonkwo-Lay", "Cassius Imbert", "Delphine Arkwright")) {
            ScriptedPipeline.define(EntityType.PERSON, p);
        }
    }

    /** Stores an article naming two new people and the two entities of the warm-up; returns its statements. */
    private double probeWrite(String id, String first, String second) {
        double before = sql.statementCount();
        Api.put(id, 1, "Corvane Harbour Trust", first + " and " + second
                + " spoke for the Corvane Harbour Trust at Lisle Quay.").then().statusCode(200);
        return sql.statementCount() - before;
    }

    @Test
    void aWriteCostsTheSameStatementsInTheFilledArchive() {
        script();
        double large = probeWrite("size-probe-large", "Cassius Imbert", "Delphine Arkwright");
        LOG.infof("statements per write: %.0f nearly empty, %.0f filled", smallArchiveStatements, large);
        assertTrue(smallArchiveStatements > 0);
        assertEquals(smallArchiveStatements, large, "statements of one write");
    }

    @Test
    void writeAndReadStatementsUseIndexesAtSize() throws Exception {
        script();
        SqlCapture capture = SqlCapture.start();
        try {
            // writes: a new article, a re-extraction that drops an entity, a delete
            Api.put("size-plan", 1, null, "Anselm Verhoeven met Cassius Imbert at Lisle Quay.").then().statusCode(200);
            Api.put("size-plan", 2, null, "Anselm Verhoeven stayed at Lisle Quay.").then().statusCode(200);
            Api.delete("size-plan").then().statusCode(200);
            // reads: the hub's page, deep pages of lists, search, an article page
            String hub = String.valueOf(number("SELECT min(id) FROM entity WHERE name LIKE 'Filler Name %'"));
            JsonPath page = Api.graphql("""
                    query($id: ID!) { entity(id: $id) { name articleCount
                      articles(first: 20) { totalCount edges { cursor node { id } } pageInfo { endCursor } }
                      related(first: 10) { totalCount edges { cursor articleCount node { id name } } } } }""", Map.of("id", hub));
            assertNull(page.get("errors"), () -> String.valueOf(page.get("errors")));
            String cursor = page.getString("data.entity.articles.pageInfo.endCursor");
            ok(Api.graphql("""
                    query($id: ID!, $after: String) { entity(id: $id) { articles(first: 20, after: $after) {
                      edges { node { id } } } } }""", Map.of("id", hub, "after", cursor)));
            JsonPath list = Api.graphql("{ entities(first: 50, filter: { type: PERSON }) { pageInfo { endCursor } } }");
            ok(list);
            ok(Api.graphql("query($after: String) { entities(first: 50, after: $after, filter: { type: PERSON }) "
                    + "{ edges { node { id } } } }", Map.of("after", list.getString("data.entities.pageInfo.endCursor"))));
            ok(Api.graphql("{ searchEntities(query: \"Verhoven\") { totalCount edges { node { id name } } } }"));
            ok(Api.graphql("{ searchEntities(query: \"Filler Name\", type: PERSON, first: 50) { totalCount edges { node { id } } } }"));
            // the other direction of each list, the probes of a cursor's other side, and the bounded counts
            ok(Api.graphql("query($before: String) { entities(last: 50, before: $before, filter: { type: PERSON }) "
                    + "{ totalCount edges { node { id } } pageInfo { hasNextPage } } }",
                    Map.of("before", list.getString("data.entities.pageInfo.endCursor"))));
            ok(Api.graphql("{ entities(last: 20) { totalCount edges { node { id } } } }"));
            ok(Api.graphql("""
                    query($id: ID!, $before: String) { entity(id: $id) { articles(last: 20, before: $before) {
                      edges { node { id } } pageInfo { hasNextPage } } } }""", Map.of("id", hub, "before", cursor)));
            String relatedCursor = page.getString("data.entity.related.edges[9].cursor");
            ok(Api.graphql("""
                    query($id: ID!, $after: String) { entity(id: $id) {
                      next: related(first: 10, after: $after) { totalCount edges { node { id } } pageInfo { hasPreviousPage } }
                      back: related(last: 10, before: $after) { edges { node { id } } pageInfo { hasNextPage } } } }""",
                    Map.of("id", hub, "after", relatedCursor)));
            ok(Api.graphql("""
                    query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
                      id extraction { status version } entities { salience mentions { start end context locations { part start end } }
                      entity { id name articles(first: 3) { edges { node { id } } } } } } } }""",
                    Map.of("reps", List.of(Map.of("__typename", "Article", "id", "fill-77")))));
        } finally {
            capture.stop();
        }
        Set<String> statements = capture.statements();
        assertTrue(statements.size() >= 15, "captured statements: " + statements);
        List<String> scans = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            int n = 0;
            for (String statement : statements) {
                String name = "p" + n++;
                int params = countParams(statement);
                try {
                    s.execute("PREPARE " + name + " AS " + numbered(statement));
                } catch (SQLException e) {
                    throw new AssertionError("cannot prepare captured statement [" + statement + "]", e);
                }
                String args = params == 0 ? "" : "(" + String.join(", ", java.util.Collections.nCopies(params, "NULL")) + ")";
                try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE " + name + args)) {
                    rs.next();
                    JsonNode plan = new ObjectMapper().readTree(rs.getString(1));
                    List<String> seq = new ArrayList<>();
                    seqScans(plan, seq);
                    if (!seq.isEmpty()) {
                        scans.add(seq + " in " + statement);
                    }
                }
                s.execute("DEALLOCATE " + name);
            }
        }
        LOG.infof("%d statements explained", statements.size());
        assertTrue(scans.isEmpty(), "sequential scans of large tables:\n" + String.join("\n", scans));
    }

    private static void ok(JsonPath r) {
        assertNull(r.get("errors"), r::prettify);
    }

    private static void seqScans(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> seqScans(n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if ("Seq Scan".equals(node.path("Node Type").asText()) && LARGE.contains(node.path("Relation Name").asText())) {
            out.add(node.path("Relation Name").asText());
        }
        node.fields().forEachRemaining(e -> seqScans(e.getValue(), out));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?(?![?|&-])");

    private static int countParams(String statement) {
        Matcher m = PLACEHOLDER.matcher(statement);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** JDBC's ? placeholders as PREPARE's $1, $2, ... */
    private static String numbered(String statement) {
        Matcher m = PLACEHOLDER.matcher(statement);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            m.appendReplacement(out, "\\$" + ++n);
        }
        m.appendTail(out);
        return out.toString();
    }

    private void execute(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long number(String query) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
