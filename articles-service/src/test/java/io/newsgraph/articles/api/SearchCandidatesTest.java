package io.newsgraph.articles.api;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Search ranks only the newest {@code limits.search-candidates} matches: here 3, so that the trade is visible. The
 * oldest article matches best but is not a candidate once three newer ones match.
 */
@QuarkusTest
@TestProfile(SearchCandidatesTest.ThreeCandidates.class)
@QuarkusTestResource(PostgresTestResource.class)
class SearchCandidatesTest {

    public static class ThreeCandidates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsgraph.articles.limits.search-candidates", "3");
        }
    }

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    private static void article(String id, String day, String title, String body) {
        ArticleRestTest.ingestJson(Map.of("externalId", id, "publishedAt", "2025-01-" + day + "T00:00:00Z",
                "title", title, "body", body), 201);
    }

    private static List<String> search(String q) {
        JsonPath r = given().queryParam("q", q).get("/articles/search").then().statusCode(200).extract().jsonPath();
        return r.getList("edges.node.externalId");
    }

    @Test
    void aCommonTermIsRankedAmongItsNewestMatchesAndARareOneAmongAll() {
        article("best-but-old", "01", "Harbour tariffs", "Harbour tariffs rise. The harbour tariffs hit harbour trade.");
        article("new-1", "02", "Weather", "Rain again; the harbour was quiet.");
        article("new-2", "03", "Markets", "Shares rose. A harbour deal was signed.");
        article("new-3", "04", "Sport", "The harbour regatta was won by Lisle.");
        article("rare", "05", "Schools", "Lessons resume on Monday.");

        List<String> common = search("harbour");
        assertEquals(3, common.size(), "only the three newest matches are candidates");
        assertEquals(List.of("new-1", "new-2", "new-3"), common.stream().sorted().toList());

        assertEquals(List.of("best-but-old"), search("tariffs"), "a term with fewer matches than the bound is exact");
        assertEquals(List.of("best-but-old"), search("harbour tariffs"), "a rare word narrows the matches first");
    }
}
