package io.newsgraph.articles.api;

import io.newsgraph.security.Roles;
import io.newsgraph.testing.PostgresTestResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.newsgraph.articles.api.AccessTest.graphql;
import static io.newsgraph.articles.api.AccessTest.with;
import static org.hamcrest.Matchers.equalTo;

/** With {@code newsgraph.security.anonymous-read=false} every read needs role reader (or editor). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(AnonymousReadsOffTest.Off.class)
public class AnonymousReadsOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsgraph.security.anonymous-read", "false");
        }
    }

    static final List<String> READS = List.of("{ articles(first: 1) { edges { cursor } } }", "{ _service { sdl } }",
            "{ _entities(representations: [{__typename: \"Article\", id: \"00000000-0000-0000-0000-000000000000\"}]) { ... on Article { id } } }");

    @Test
    void anonymousReadsAreUnauthenticated() {
        with(null).get("/articles").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        for (String query : READS) {
            graphql(null, query, Map.of()).statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        }
    }

    @Test
    void tokensWithoutAReadingRoleAreForbidden() {
        String none = TestTokens.shared().token();
        with(none).get("/articles").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        for (String query : READS) {
            graphql(none, query, Map.of()).statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void readersAndEditorsRead() {
        for (String token : new String[]{TestTokens.shared().token(Roles.READER), TestTokens.shared().token(Roles.EDITOR)}) {
            with(token).get("/articles").then().statusCode(200);
            for (String query : READS) {
                graphql(token, query, Map.of()).statusCode(200).body("errors", equalTo(null));
            }
        }
    }
}
