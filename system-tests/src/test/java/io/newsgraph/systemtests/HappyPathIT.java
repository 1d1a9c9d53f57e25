package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job, end to end: the seed article goes in through the gateway's mutation, is processed, and one federated query
 * returns its parts, its entities with mentions and roles, and for one entity its other articles and related entities.
 */
@Order(10)
class HappyPathIT {

    static final String INGEST = """
            mutation($input: ArticleInput!) {
              ingestArticle(input: $input) { outcome article { id processing { state } } }
            }""";

    static final String ARTICLE_GRAPH = """
            query($id: ID!) {
              article(id: $id) {
                id title lede keyPoints wordCount
                sections { heading paragraphs }
                embeddedPosts { text author handle date link }
                sources { text url }
                processing { state }
                extraction { status engine entityCount }
                entities {
                  salience mentionCount
                  mentions { field start end text context counted locations { part index paragraph start end } }
                  entity {
                    id name type aliases countryCode
                    roles { title organization countryCode }
                    articles(first: 10) { totalCount edges { node { id title } } }
                    related(first: 10) { totalCount edges { articleCount node { name type } } }
                  }
                }
              }
            }""";

    @Test
    void seedArticleThroughTheGatewayComesBackAsAGraph() throws IOException {
        Path seedFile = SystemSuite.root().resolve("../shared/samples/seed-article.txt").normalize();
        if (!Files.exists(seedFile)) {
            // the copy the articles-service tests read, for a checkout without the shared samples beside it
            seedFile = SystemSuite.root().resolve("articles-service/src/test/resources/fixtures/seed-article.txt");
        }
        String seed = Files.exists(seedFile) ? Files.readString(seedFile) : Files.readString(SystemSuite.root().resolve("samples/port-of-rotterdam-automation.txt"));
        boolean isSeed = Files.exists(seedFile);

        // A second article that shares entities with the seed, so that "other articles" has something to show.
        String other = """
                Japan and the United States hold defence talks in Tokyo
                Secretary of Defense Lloyd J. Austin III met officials of Japan in Tokyo on November 2, 2024, to discuss \
                the Indo-Pacific. China was also on the agenda, officials said. Austin later flew to the Republic of Korea.""";
        String otherId = ingest(other, "happy-path-companion", "2024-11-02T10:00:00Z");
        String seedId = ingest(seed, "happy-path-seed", "2024-10-09T12:00:00Z");
        awaitDone(seedId);
        awaitDone(otherId);

        JsonNode article = Http.graphqlData(SystemSuite.gateway(), ARTICLE_GRAPH, Map.of("id", seedId)).get("article");
        assertEquals(seedId, article.get("id").asText());
        assertEquals("DONE", article.at("/processing/state").asText());
        assertEquals("DONE", article.at("/extraction/status").asText());
        assertFalse(article.get("title").asText().isBlank());
        assertTrue(article.get("wordCount").asInt() > 100);
        JsonNode entities = article.get("entities");
        assertTrue(entities.size() >= 5, "several entities: " + entities.size());
        for (JsonNode ae : entities) {
            assertTrue(ae.get("mentions").size() >= 1, "each entity is mentioned: " + ae);
            for (JsonNode m : ae.get("mentions")) {
                String field = m.get("field").asText();
                String text = field.equals("TITLE") ? article.get("title").asText() : seed;
                int start = m.get("start").asInt();
                int end = m.get("end").asInt();
                assertTrue(start >= 0 && end > start && end <= text.length(), "offsets " + m);
                assertEquals(text.substring(start, end), m.get("text").asText(), "the offsets point at the mention's text");
            }
        }
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        entities.forEach(ae -> byName.put(ae.at("/entity/name").asText(), ae.get("entity")));
        System.out.println("[happy-path] entities: " + byName.keySet());

        assertMentionsLocateInTheServedParts(article, entities);

        if (isSeed) {
            assertQuotedAndListedMentionsAreMarked(seed, entities);
            // The parts of the seed article.
            assertEquals(5, article.get("keyPoints").size(), "the five At a Glance points");
            List<String> headings = new ArrayList<>();
            article.get("sections").forEach(s -> headings.add(s.path("heading").asText()));
            assertTrue(headings.containsAll(List.of("Strengthening the U.S.-Japan Alliance", "Regional Security Challenges",
                    "Geopolitical Context and Future Engagements")), "section headings: " + headings);
            JsonNode post = article.at("/embeddedPosts/0");
            assertEquals("@japantimes", post.get("handle").asText());
            assertEquals("2024-10-09", post.get("date").asText());
            assertTrue(post.get("link").asText().startsWith("https://t.co/"));
            assertEquals(2, article.get("sources").size());

            // Entities with their type, and roles where the text gives them.
            Set<String> types = new java.util.HashSet<>();
            entities.forEach(ae -> types.add(ae.at("/entity/type").asText()));
            assertTrue(types.containsAll(Set.of("PERSON", "ORGANIZATION", "LOCATION")), "types: " + types);
            JsonNode austin = find(entities, "Austin", "PERSON");
            assertNotNull(austin, "Lloyd J. Austin III is found: " + byName.keySet());
            assertFalse(austin.at("/entity/roles").isEmpty(), "his role is kept: " + austin);
            assertTrue(austin.get("mentions").size() >= 3, "Austin is mentioned several times: " + austin.get("mentions"));
            JsonNode japan = find(entities, "Japan", "LOCATION");
            assertNotNull(japan, "Japan is found");
            assertEquals("JP", japan.at("/entity/countryCode").asText());

            // For one entity: the other articles that mention it, and the entities it appears with.
            JsonNode austinEntity = austin.get("entity");
            Set<String> austinArticles = new java.util.HashSet<>();
            austinEntity.at("/articles/edges").forEach(e -> austinArticles.add(e.at("/node/id").asText()));
            assertTrue(austinArticles.containsAll(Set.of(seedId, otherId)), "Austin's articles: " + austinArticles);
            austinEntity.at("/articles/edges").forEach(e -> assertFalse(e.at("/node/title").isNull(), "titles resolved by the gateway"));
            Set<String> related = new java.util.HashSet<>();
            austinEntity.at("/related/edges").forEach(r -> related.add(r.at("/node/name").asText()));
            assertFalse(related.isEmpty(), "Austin has related entities");
            assertTrue(related.stream().anyMatch(n -> n.contains("Japan") || n.contains("Nakatani")), "related: " + related);
        } else {
            JsonNode any = entities.get(0).get("entity");
            assertTrue(any.at("/articles/totalCount").asInt() >= 1);
        }
    }

    /**
     * Every location of every mention points at the mention's text in the part as the gateway serves it (a line break
     * in the body may be the space a paragraph joins its lines with); every prose mention has one; no span twice.
     */
    private static void assertMentionsLocateInTheServedParts(JsonNode article, JsonNode entities) {
        Set<String> spans = new java.util.HashSet<>();
        int located = 0;
        for (JsonNode ae : entities) {
            for (JsonNode m : ae.get("mentions")) {
                String span = m.get("field").asText() + ":" + m.get("start").asInt() + ":" + m.get("end").asInt();
                assertTrue(spans.add(span), "a span is one mention: " + span + " again in " + ae.at("/entity/name"));
                assertEquals(m.get("context").asText().equals("PROSE"), m.get("counted").asBoolean(), m.toString());
                if (m.get("context").asText().equals("PROSE")) {
                    assertFalse(m.get("locations").isEmpty(), "a prose mention is located: " + m);
                }
                for (JsonNode l : m.get("locations")) {
                    String part = servedPart(article, l);
                    assertNotNull(part, "the location's part is served: " + l);
                    int start = l.get("start").asInt();
                    int end = l.get("end").asInt();
                    assertTrue(start >= 0 && end > start && end <= part.length(), "offsets " + l + " in " + part);
                    assertEquals(m.get("text").asText().replace('\n', ' '), part.substring(start, end),
                            "the location covers the mention " + m);
                    located++;
                }
            }
        }
        assertTrue(located > 0, "mentions are located");
    }

    /** Mentions in the quoted post are EMBEDDED_POST, those in the Sources list SOURCES, the rest PROSE. */
    private static void assertQuotedAndListedMentionsAreMarked(String seed, JsonNode entities) {
        int attribution = seed.indexOf("\n— The Japan Times");
        int postStart = seed.lastIndexOf('\n', attribution - 1) + 1;
        int postEnd = seed.indexOf('\n', attribution + 1);
        int sources = seed.indexOf("\nSources\n");
        assertTrue(attribution > 0 && sources > 0, "the seed has its quoted post and Sources list");
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (JsonNode ae : entities) {
            for (JsonNode m : ae.get("mentions")) {
                if (!m.get("field").asText().equals("BODY")) {
                    assertEquals("PROSE", m.get("context").asText(), m.toString());
                    continue;
                }
                int start = m.get("start").asInt();
                String expected = start >= sources ? "SOURCES" : start >= postStart && start < postEnd ? "EMBEDDED_POST"
                        : "PROSE";
                assertEquals(expected, m.get("context").asText(), "context of " + m);
                seen.merge(expected, 1, Integer::sum);
                if (expected.equals("SOURCES")) {
                    assertTrue(m.get("locations").findValuesAsText("part").stream().allMatch("SOURCE"::equals), m.toString());
                }
            }
        }
        assertTrue(seen.getOrDefault("SOURCES", 0) >= 2 && seen.getOrDefault("EMBEDDED_POST", 0) >= 2,
                "mentions in the Sources list and the quoted post: " + seen);
    }

    /** The text of the article part a location names, as the articles subgraph serves it. */
    private static String servedPart(JsonNode article, JsonNode l) {
        int index = l.path("index").asInt(-1);
        JsonNode node = switch (l.get("part").asText()) {
            case "TITLE" -> article.get("title");
            case "LEDE" -> article.get("lede");
            case "KEY_POINT" -> article.path("keyPoints").path(index);
            case "SECTION_HEADING" -> article.path("sections").path(index).path("heading");
            case "PARAGRAPH" -> article.path("sections").path(index).path("paragraphs").path(l.path("paragraph").asInt(-1));
            case "EMBEDDED_POST" -> article.path("embeddedPosts").path(index).path("text");
            case "EMBEDDED_POST_AUTHOR" -> article.path("embeddedPosts").path(index).path("author");
            case "EMBEDDED_POST_HANDLE" -> article.path("embeddedPosts").path(index).path("handle");
            case "SOURCE" -> article.path("sources").path(index).path("text");
            default -> null;
        };
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static JsonNode find(JsonNode entities, String nameContains, String type) {
        for (JsonNode ae : entities) {
            if (ae.at("/entity/type").asText().equals(type) && ae.at("/entity/name").asText().contains(nameContains)) {
                return ae;
            }
        }
        return null;
    }

    static String ingest(String body, String externalId, String publishedAt) {
        JsonNode data = Http.graphqlData(SystemSuite.gateway(), INGEST,
                Map.of("input", Map.of("body", body, "externalId", externalId, "publishedAt", publishedAt, "source", "system-test")),
                Articles.editor());
        JsonNode a = data.at("/ingestArticle/article");
        assertNotNull(a.get("id"));
        return a.get("id").asText();
    }

    static void awaitDone(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String state = null;
        while (Instant.now().isBefore(deadline)) {
            state = Http.graphqlData(SystemSuite.gateway(), "query($id: ID!) { article(id: $id) { processing { state } } }",
                    Map.of("id", id)).at("/article/processing/state").asText();
            if ("DONE".equals(state)) {
                return;
            }
            Articles.sleep(300);
        }
        throw new AssertionError("article " + id + " still " + state + " after 90 s");
    }

    static String names(JsonNode entities) {
        List<String> out = new ArrayList<>();
        entities.forEach(e -> out.add(e.at("/entity/name").asText()));
        return out.stream().collect(Collectors.joining(", "));
    }
}
