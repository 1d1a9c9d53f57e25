package io.newsgraph.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The GraphiQL bundle the build puts into the classpath is what /graphiql serves: the page, then every script and
 * stylesheet it names, all from the gateway; nothing outside the bundle's assets can be reached through it.
 */
@QuarkusTest
class GraphiQLPageTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/graphiql/assets/[^\"]+)\"");

    @Test
    void thePageAndItsAssetsComeFromTheGateway() {
        String page = given().get("/graphiql").then().statusCode(200).header("content-type", containsString("text/html"))
                .header("cache-control", "no-cache").extract().asString();
        assertFalse(page.contains("//"), "no absolute or protocol-relative URL in the page: " + page);
        Matcher m = ASSET.matcher(page);
        List<String> assets = m.results().map(r -> r.group(1)).toList();
        assertTrue(assets.stream().anyMatch(a -> a.endsWith(".js")) && assets.stream().anyMatch(a -> a.endsWith(".css")),
                "a script and a stylesheet: " + assets);
        for (String asset : assets) {
            given().get(asset).then().statusCode(200).header("cache-control", containsString("max-age=604800"))
                    .body(not(containsString("cdn.jsdelivr")), not(containsString("unpkg.com")));
        }
        given().get("/graphiql/").then().statusCode(200).body(containsString("/graphiql/assets/"));
    }

    @Test
    void nothingButTheAssetsIsServed() {
        given().get("/graphiql/assets/../../application.properties").then().statusCode(404);
        given().get("/graphiql/assets/%2e%2e/%2e%2e/application.properties").then().statusCode(404);
        given().get("/graphiql/assets/no-such-file.js").then().statusCode(404);
    }
}
