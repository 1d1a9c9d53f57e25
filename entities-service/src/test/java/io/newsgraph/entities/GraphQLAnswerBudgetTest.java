package io.newsgraph.entities;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Past the answer budget execution stops and the answer is one error, not a partial tree. */
@QuarkusTest
@TestProfile(GraphQLAnswerBudgetTest.SmallBudget.class)
@QuarkusTestResource(PostgresTestResource.class)
class GraphQLAnswerBudgetTest {

    public static class SmallBudget extends ScriptedPipelineProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("newsgraph.entities.graphql.max-answer-fields", "40");
            return overrides;
        }
    }

    @Test
    void anAnswerOverTheBudgetIsOneError() {
        ScriptedPipeline.reset();
        for (int i = 0; i < 30; i++) {
            ScriptedPipeline.define(EntityType.ORGANIZATION, "Budget Office " + (char) ('A' + i % 26) + i);
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append("Budget Office ").append((char) ('A' + i % 26)).append(i).append(" met. ");
        }
        Api.put("budget-" + UUID.randomUUID(), 1, null, body.toString()).then().statusCode(200);

        JsonPath small = Api.graphql("{ entities(first: 5) { edges { node { name } } } }");
        assertNull(small.get("errors"), small::prettify);

        JsonPath big = Api.graphql("{ entities(first: 30) { edges { cursor node { id name type articleCount } } } }");
        assertNull(big.get("data.entities"), big::prettify);
        assertEquals("MAX_ANSWER_SIZE_EXCEEDED", big.getString("errors[0].extensions.code"), big::prettify);
    }
}
