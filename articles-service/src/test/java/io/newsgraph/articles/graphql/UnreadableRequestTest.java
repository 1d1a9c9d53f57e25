package io.newsgraph.articles.graphql;

import io.newsgraph.testing.PostgresTestResource;
import io.newsgraph.testing.UnreadableBodies;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;

/** A request body the endpoint's JSON reader refuses is the caller's error, however it is built. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class UnreadableRequestTest {

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Test
    void variablesNestedTooDeepAreRefused() throws Exception {
        UnreadableBodies.assertRefusedThenAnswering(endpoint);
    }
}
