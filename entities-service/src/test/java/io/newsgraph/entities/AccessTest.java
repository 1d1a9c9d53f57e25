package io.newsgraph.entities;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.security.Roles;
import io.newsgraph.testing.PostgresTestResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Who may do what on entities-service: GraphQL reads, {@code /extract} (editor), {@code /extractions} (the relay only). */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class AccessTest {

    static final TestTokens TOKENS = TestTokens.shared();
    static final String QUERY = "{ entities(first: 1) { edges { cursor } } }";

    @BeforeEach
    void script() {
        ScriptedPipeline.reset();
    }

    static Stream<Arguments> invalidTokens() {
        Stream<Arguments> invalid = TOKENS.invalid(Roles.EDITOR).entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
        // the relay's key is trusted on /extractions only
        return Stream.concat(invalid, Stream.of(Arguments.of("the relay's token", Api.RELAY_TOKEN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void anInvalidTokenIsRefusedEverywhereButTheRelayPaths(String what, String token) {
        graphql(token, QUERY).statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(token, "{ _service { sdl } }").statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        extract(token).statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anyoneQueries() {
        for (String token : new String[]{null, TOKENS.token(Roles.READER), TOKENS.token(Roles.EDITOR), TOKENS.token()}) {
            graphql(token, QUERY).statusCode(200).body("errors", equalTo(null));
            graphql(token, "{ _service { sdl } }").statusCode(200).body("errors", equalTo(null));
        }
    }

    @Test
    void extractionNeedsAnEditor() {
        extract(null).statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        extract(TOKENS.token(Roles.READER)).statusCode(403).body("code", equalTo("FORBIDDEN"));
        extract(TOKENS.token()).statusCode(403).body("code", equalTo("FORBIDDEN"));
        extract(TOKENS.token(Roles.EDITOR)).statusCode(200);
    }

    @Test
    void deliveriesTakeTheRelaysIdentityOnly() {
        String id = "access-" + UUID.randomUUID();
        ExtractionRequest request = new ExtractionRequest(id, 1, null, "Guam.", null);
        for (String token : new String[]{TOKENS.token(Roles.EDITOR), TOKENS.token(Roles.READER),
                TOKENS.token(ExtractionContract.RELAY_ROLE)}) {
            // a client issuer's token never delivers, whatever roles it claims
            with(token).contentType(ContentType.JSON).body(request).put(ExtractionContract.itemPath(id)).then()
                    .statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
        // signed with the relay's key but without its role: not recognised as the relay
        with(TestTokens.relay().token(Roles.EDITOR)).contentType(ContentType.JSON).body(request)
                .put(ExtractionContract.itemPath(id)).then().statusCode(401);
        Api.put(id, request).then().statusCode(200);
        Api.delete(id).then().statusCode(200);
    }

    static RequestSpecification with(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.auth().oauth2(token);
    }

    static ValidatableResponse graphql(String token, String query) {
        return with(token).contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then();
    }

    static ValidatableResponse extract(String token) {
        return with(token).contentType(ContentType.TEXT).body("Guam.").post("/extract").then();
    }
}
