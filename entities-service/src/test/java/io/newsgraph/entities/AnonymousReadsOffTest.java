package io.newsgraph.entities;

import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.security.Roles;
import io.newsgraph.testing.PostgresTestResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.newsgraph.entities.AccessTest.graphql;
import static org.hamcrest.Matchers.equalTo;

/** With {@code newsgraph.security.anonymous-read=false} every query, {@code _entities} and {@code _service} need a reader. */
@QuarkusTest
@TestProfile(AnonymousReadsOffTest.Off.class)
@QuarkusTestResource(PostgresTestResource.class)
class AnonymousReadsOffTest {

    public static class Off extends ScriptedPipelineProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("newsgraph.security.anonymous-read", "false");
            return config;
        }
    }

    static final List<String> READS = List.of(AccessTest.QUERY, "{ _service { sdl } }",
            "{ _entities(representations: [{__typename: \"Entity\", id: \"1\"}]) { ... on Entity { id } } }");

    @Test
    void eachReadNeedsAReadingRole() {
        for (String query : READS) {
            graphql(null, query).statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
            graphql(TestTokens.shared().token(), query).statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            graphql(TestTokens.shared().token(Roles.READER), query).statusCode(200).body("errors", equalTo(null));
            graphql(TestTokens.shared().token(Roles.EDITOR), query).statusCode(200).body("errors", equalTo(null));
        }
    }
}
