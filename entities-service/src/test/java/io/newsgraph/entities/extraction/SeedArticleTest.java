package io.newsgraph.entities.extraction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The seed article (a copy of shared/samples/seed-article.txt; title is its first line) through the whole pipeline
 * with the real engine: every named person, organisation, place and date, with types, roles and alias groups as a
 * reader of the article gives them.
 */
class SeedArticleTest {

    private static String title;
    private static String body;
    private static ExtractionResult result;

    @BeforeAll
    static void extract() throws IOException {
        String article;
        try (InputStream in = SeedArticleTest.class.getResourceAsStream("/extraction/seed-article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int firstBreak = article.indexOf('\n');
        title = article.substring(0, firstBreak);
        body = article.substring(firstBreak + 1);
        result = new NewsExtractionPipeline(Nlp4jTestEngine.get())
                .extract(new ArticleText(title, body, LocalDate.of(2024, 10, 9)));
    }

    private static ExtractedEntity entity(EntityType type, String name) {
        return result.entities().stream().filter(e -> e.type() == type && e.name().equals(name)).findFirst()
                .orElseGet(() -> fail("no " + type + " " + name + " in " + summary()));
    }

    private static String summary() {
        return result.entities().stream().map(e -> e.type() + " " + e.name()).collect(Collectors.joining(", "));
    }

    @Test
    void austinWithHisRoleAndEveryFormOfHisName() {
        ExtractedEntity austin = entity(EntityType.PERSON, "Lloyd J. Austin III");
        assertTrue(austin.aliases().containsAll(List.of("Lloyd Austin", "Austin", "Secretary Austin")),
                austin.aliases().toString());
        assertEquals(List.of(new Role("Secretary of Defense", null, null)), austin.roles());
        assertTrue(austin.mentions().stream().anyMatch(m -> m.field() == Mention.Field.TITLE
                && m.text().equals("Lloyd Austin")));
        // headline, key point, body (twice as full name), "Secretary Austin", and the sources line
        assertEquals(5, austin.mentions().size(), austin.mentions().toString());
    }

    @Test
    void nakataniInEitherNameOrderWithJapansDefenseMinistry() {
        ExtractedEntity nakatani = entity(EntityType.PERSON, "Nakatani Gen");
        assertTrue(nakatani.aliases().containsAll(List.of("Gen Nakatani", "Minister Nakatani")),
                nakatani.aliases().toString());
        assertEquals(List.of(new Role("Minister of Defense", null, "JP")), nakatani.roles());
        assertEquals("JP", nakatani.countryCode());
        // headline, first body paragraph (untagged by the engine), "Gen Nakatani", "Minister Nakatani", sources
        assertEquals(5, nakatani.mentions().size(), nakatani.mentions().toString());
    }

    @Test
    void paparoWithRankAndCommand() {
        ExtractedEntity paparo = entity(EntityType.PERSON, "Samuel J. Paparo");
        assertEquals(List.of(new Role("commander", "U.S. Indo-Pacific Command", "US")), paparo.roles());
        assertTrue(paparo.aliases().contains("Adm. Samuel J. Paparo"), paparo.aliases().toString());
        assertEquals("U.S. Indo-Pacific Command", entity(EntityType.ORGANIZATION, "U.S. Indo-Pacific Command").name());
    }

    @Test
    void exactlyTheThreePeopleOfTheArticle() {
        Set<String> people = result.entities().stream().filter(e -> e.type() == EntityType.PERSON)
                .map(ExtractedEntity::name).collect(Collectors.toSet());
        assertEquals(Set.of("Lloyd J. Austin III", "Nakatani Gen", "Samuel J. Paparo"), people);
    }

    @Test
    void organisationsWithTheirCountryAndHandle() {
        ExtractedEntity times = entity(EntityType.ORGANIZATION, "The Japan Times");
        assertTrue(times.aliases().contains("@japantimes"), times.aliases().toString());
        assertTrue(result.entities().stream().noneMatch(e -> e.type() == EntityType.HANDLE
                && e.name().equalsIgnoreCase("@japantimes")), "the handle is the publisher's, not an entity of its own");
        assertEquals("JP", entity(EntityType.ORGANIZATION, "Self-Defense Forces").countryCode());
        assertEquals("US", entity(EntityType.ORGANIZATION, "U.S. Indo-Pacific Command").countryCode());
        Set<String> organisations = result.entities().stream().filter(e -> e.type() == EntityType.ORGANIZATION)
                .map(ExtractedEntity::name).collect(Collectors.toSet());
        assertEquals(Set.of("The Japan Times", "Self-Defense Forces", "U.S. Indo-Pacific Command"), organisations);
    }

    @Test
    void placesWithIsoCountryCodes() {
        Map<String, String> countries = Map.of("Japan", "JP", "China", "CN", "Taiwan", "TW",
                "Republic of Korea", "KR", "United States", "US");
        countries.forEach((name, code) -> assertEquals(code, entity(EntityType.LOCATION, name).countryCode(), name));
        assertTrue(entity(EntityType.LOCATION, "United States").aliases().containsAll(List.of("U.S.", "US")));
        entity(EntityType.LOCATION, "Nansei Islands");
        entity(EntityType.LOCATION, "Indo-Pacific");
        long japans = result.entities().stream().filter(e -> e.type() == EntityType.LOCATION && "JP".equals(e.countryCode())
                && e.name().equals("Japan")).count();
        assertEquals(1, japans, "every Japan in one entity");
    }

    @Test
    void theDateTheUrlAndNothingElseOfTheirKinds() {
        ExtractedEntity date = entity(EntityType.DATE, "2024-10-09");
        assertEquals("2024-10-09", date.normalized());
        assertEquals("October 9, 2024", date.mentions().getFirst().text());
        ExtractedEntity url = entity(EntityType.URL, "https://t.co/mKCQE3X2cJ");
        assertEquals(1, url.mentions().size());
        assertEquals(1, result.entities().stream().filter(e -> e.type() == EntityType.DATE).count());
    }

    @Test
    void noSpanGluedToATitleAPossessiveOrAUrl() {
        Pattern titleStart = Pattern.compile("^(Secretary|Minister|Adm\\.|Defense|New|Japan’s|Japan's|The conversation)\\b");
        for (ExtractedEntity e : result.entities()) {
            assertFalse(e.name().equals("Defense"), "a title word taken for an organisation");
            for (Mention m : e.mentions()) {
                String text = m.text();
                String field = m.field() == Mention.Field.TITLE ? title : body;
                assertEquals(field.substring(m.start(), m.end()), text, "offsets");
                assertFalse(text.endsWith("’s") || text.endsWith("'s"), "possessive in " + text);
                assertFalse(text.endsWith(".") && !text.endsWith("J.") && e.type() != EntityType.LOCATION,
                        "full stop in " + text);
                if (e.type() != EntityType.URL) {
                    assertFalse(text.contains("http"), "URL in " + text);
                }
                // a handle is a mention of its own (of the publisher whose account it is), never inside another
                assertTrue(!text.contains("@") || text.matches("@\\w+"), "handle in " + text);
                if (e.type() == EntityType.PERSON) {
                    assertFalse(titleStart.matcher(text).find(), "title in " + text);
                }
            }
        }
    }

    @Test
    void salienceFavoursWhatTheArticleIsAbout() {
        double austin = entity(EntityType.PERSON, "Lloyd J. Austin III").salience();
        double paparo = entity(EntityType.PERSON, "Samuel J. Paparo").salience();
        double taiwan = entity(EntityType.LOCATION, "Taiwan").salience();
        assertTrue(austin > paparo && austin > taiwan, austin + " " + paparo + " " + taiwan);
        for (ExtractedEntity e : result.entities()) {
            assertTrue(e.salience() >= 0 && e.salience() <= 1);
        }
        assertNotNull(result.engine());
        assertEquals("nlp4j-1.1.3", result.engine());
    }
}
