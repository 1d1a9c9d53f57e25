package io.newsgraph.articles.graphql;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One {@code _entities} call is one SQL statement, whatever the number of representations. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EntityBatchTest {

    static final String ENTITIES = """
            query($reps: [_Any!]!) {
              _entities(representations: $reps) { ... on Article { id title processing { state } } }
            }""";

    @Inject
    AgroalDataSource ds;

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    @Test
    void oneRepresentationIsOneStatement() {
        String id = ArticleGraphQLTest.ingest("e1", "Only one.");
        long statements = statementsFor(List.of(Map.of("__typename", "Article", "id", id)), List.of(id));
        assertEquals(1, statements);
    }

    @Test
    void twentyRepresentationsAreOneStatement() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            ids.add(ArticleGraphQLTest.ingest("e" + i, "Article number " + i + "."));
        }
        List<Map<String, Object>> reps = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        // Reverse order, one unknown id, one repeated id: answers must follow the representations.
        for (int i = ids.size() - 1; i >= 0; i--) {
            reps.add(Map.of("__typename", "Article", "id", ids.get(i)));
            expected.add(ids.get(i));
        }
        reps.add(Map.of("__typename", "Article", "id", "00000000-0000-0000-0000-000000000000"));
        expected.add(null);
        reps.add(Map.of("__typename", "Article", "id", ids.get(3)));
        expected.add(ids.get(3));
        assertEquals(20, reps.size());
        assertEquals(1, statementsFor(reps, expected));
    }

    private long statementsFor(List<Map<String, Object>> reps, List<String> expectedIds) {
        sessionFactory.getStatistics().clear();
        JsonPath r = GraphQLClient.query(ENTITIES, Map.of("reps", reps), null);
        long statements = sessionFactory.getStatistics().getPrepareStatementCount();
        assertNull(r.get("errors"), () -> r.prettify());
        List<Map<String, Object>> entities = r.getList("data._entities");
        assertEquals(expectedIds.size(), entities.size());
        for (int i = 0; i < expectedIds.size(); i++) {
            assertEquals(expectedIds.get(i), entities.get(i) == null ? null : entities.get(i).get("id"), "position " + i);
        }
        return statements;
    }
}
