package io.newsgraph.articles.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BulkIngestTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    @Test
    void oneResultPerLineWithPerLineFailures() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("{\"externalId\": \"b1\", \"body\": \"First article.\"}\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("{\"externalId\": \"b2\", \"body\": \"Broken\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("{\"externalId\": \"b3\", \"body\": \"x\", \"colour\": \"red\"}\r\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[]{'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        in.writeBytes("{\"externalId\": \"b1\", \"body\": \"First article.\"}\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("{\"externalId\": \"b1\", \"body\": \"First article, corrected.\"}\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes("{\"title\": \"no body\"}".getBytes(StandardCharsets.UTF_8));

        String out = given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/x-ndjson").body(in.toByteArray())
                .post("/articles/bulk").then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            lines.add(mapper.readTree(line));
        }
        assertEquals(7, lines.size(), out);
        assertEquals(List.of(1, 2, 3, 5, 6, 7, 8), lines.stream().map(l -> l.get("line").asInt()).toList());
        assertEquals(List.of(201, 400, 400, 400, 200, 200, 400), lines.stream().map(l -> l.get("status").asInt()).toList());
        assertEquals("CREATED", lines.get(0).get("outcome").asText());
        assertEquals("MALFORMED_JSON", lines.get(1).get("code").asText());
        assertEquals("UNKNOWN_FIELD", lines.get(2).get("code").asText());
        assertEquals("INVALID_UTF8", lines.get(3).get("code").asText());
        assertEquals("UNCHANGED", lines.get(4).get("outcome").asText());
        assertEquals("UPDATED", lines.get(5).get("outcome").asText());
        assertEquals(2, lines.get(5).get("version").asInt());
        assertEquals(lines.get(0).get("id").asText(), lines.get(5).get("id").asText());
        assertEquals("MISSING_BODY", lines.get(6).get("code").asText());

        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM article"));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event"));
    }
}
