package io.newsgraph.articles.parse;

import io.newsgraph.articles.parse.ParsedArticle.CitedSource;
import io.newsgraph.articles.parse.ParsedArticle.EmbeddedPost;
import io.newsgraph.articles.parse.ParsedArticle.Section;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser();

    static String fixture(String name) {
        try (InputStream in = ArticleParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void seedArticleTitleAndLede() {
        ParsedArticle p = parser.parse(fixture("seed-article.txt"), TextFormat.AUTO, null);
        assertEquals("Strong signals of enhanced military cooperation emerge as Secretary of Defense Lloyd Austin "
                + "confers with Japan’s Minister of Defense, Nakatani Gen.", p.title());
        assertEquals("Secretary of Defense Lloyd J. Austin III engaged in a significant phone call with Japan’s Minister "
                + "of Defense, Nakatani Gen. The conversation primarily focused on fortifying the U.S.-Japan military "
                + "alliance amidst rising tensions in the Indo-Pacific region. As China continues to assert its presence, "
                + "both countries recognize the need to reinforce their strategic partnership.", p.lede());
    }

    @Test
    void seedArticleKeyPoints() {
        ParsedArticle p = parser.parse(fixture("seed-article.txt"), TextFormat.AUTO, null);
        assertEquals(List.of(
                "Lloyd Austin discussed strengthening U.S.-Japan alliance with Japan’s new Defense Minister.",
                "Talks were driven by China’s growing assertiveness in the Indo-Pacific region.",
                "Plans to expand U.S. military presence in Japan’s southwestern islands were discussed.",
                "A commitment to modernizing command and control frameworks was affirmed.",
                "An emphasis on deepening defense cooperation with regional partners was reiterated."), p.keyPoints());
    }

    @Test
    void seedArticleSections() {
        ParsedArticle p = parser.parse(fixture("seed-article.txt"), TextFormat.AUTO, null);
        assertEquals(List.of("Strengthening the U.S.-Japan Alliance", "Regional Security Challenges",
                "Geopolitical Context and Future Engagements"), p.sections().stream().map(Section::heading).toList());
        assertEquals(List.of(2, 2, 3), p.sections().stream().map(s -> s.paragraphs().size()).toList());
        Section first = p.sections().get(0);
        assertEquals("The discussions saw strong commitments toward advancing the bilateral presence in Japan’s strategic "
                + "southwestern islands.The nations are looking to enhance deterrence and response capabilities, ensuring "
                + "a steadfast defense posture in the region.", first.paragraphs().get(1));
        assertEquals("Amidst growing security concerns, the defense chiefs acknowledged growing attempts to alter the "
                + "status quo through coercion within the region. They reaffirmed their shared commitment to modernizing "
                + "command frameworks, which serves as a vital component of their defense strategy against such "
                + "challenges.", p.sections().get(1).paragraphs().get(0));
        assertEquals("The strategic talks reflect ongoing efforts to adapt to the evolving geopolitical landscape "
                + "rigorously and collaboratively.", p.sections().get(2).paragraphs().get(2));
    }

    @Test
    void seedArticleEmbeddedPost() {
        ParsedArticle p = parser.parse(fixture("seed-article.txt"), TextFormat.AUTO, null);
        assertEquals(List.of(new EmbeddedPost(
                "New Defense Minister Gen Nakatani held his first talks with his U.S. counterpart, with the two agreeing "
                        + "to continue expanding their bilateral presence in Japan's Nansei Islands near Taiwan.",
                "The Japan Times", "@japantimes", LocalDate.of(2024, 10, 9), "https://t.co/mKCQE3X2cJ", 0)),
                p.embeddedPosts());
    }

    @Test
    void seedArticleSourcesAndWordCount() {
        ParsedArticle p = parser.parse(fixture("seed-article.txt"), TextFormat.AUTO, null);
        assertEquals(List.of(
                new CitedSource("Japan, US defense chiefs agree to ramp up bilateral alliance", null),
                new CitedSource("Readout of Secretary of Defense Lloyd J. Austin III’s Call With Japan’s Minister of "
                        + "Defense Nakatani Gen", null)), p.sources());
        // 418 whitespace-separated tokens (wc -w), less the 7 bullet dashes and the one em dash.
        assertEquals(410, p.wordCount());
    }

    @Test
    void explicitTitleKeepsTheFirstLineAsLede() {
        ParsedArticle p = parser.parse(fixture("seed-article.txt"), TextFormat.AUTO, "Austin and Nakatani talk");
        assertEquals("Austin and Nakatani talk", p.title());
        assertEquals("Strong signals of enhanced military cooperation emerge as Secretary of Defense Lloyd Austin "
                + "confers with Japan’s Minister of Defense, Nakatani Gen.", p.lede());
        assertEquals(4, p.sections().size());
        assertNull(p.sections().get(0).heading());
        assertEquals(1, p.embeddedPosts().get(0).sectionIndex());
    }

    @Test
    void textWithoutHeadings() {
        ParsedArticle p = parser.parse(fixture("no-headings.txt"), TextFormat.PLAIN, null);
        assertEquals("Port strike ends after three days", p.title());
        String first = "Dock workers in Rotterdam returned to work on Thursday after a three-day strike over pay and hours. "
                + "The union said members had accepted an offer of a 6 percent raise over two years.";
        assertEquals(first, p.lede());
        assertEquals(List.of(new Section(null, List.of(first,
                "Shipping lines had diverted some vessels to Antwerp and Hamburg during the stoppage, and the port "
                        + "authority expects the backlog to clear by the end of next week."))), p.sections());
        assertEquals(List.of(), p.keyPoints());
        assertEquals(List.of(), p.embeddedPosts());
        assertEquals(List.of(), p.sources());
        assertEquals(6 + 33 + 28, p.wordCount());
    }

    @Test
    void htmlInput() {
        ParsedArticle p = parser.parse(fixture("html-article.html"), TextFormat.AUTO, null);
        assertEquals("Council approves & funds new bridge", p.title());
        assertEquals("The city council voted 7–2 on Monday to fund a new bridge across the river.", p.lede());
        assertEquals(List.of("Construction starts in spring.", "Cost: €40 million."), p.keyPoints());
        assertEquals(List.of(
                new Section(null, List.of("The city council voted 7–2 on Monday to fund a new bridge across the river.")),
                new Section("What happens next", List.of("Tenders open in January. Work is expected to take two years."))),
                p.sections());
        assertEquals(List.of(new EmbeddedPost("Great news for commuters!", "Mayor Jane Doe", "@MayorJane",
                LocalDate.of(2025, 3, 3), "https://twitter.com/MayorJane/status/1", 1)), p.embeddedPosts());
        assertEquals(List.of(new CitedSource("Council minutes", "https://example.org/minutes"),
                new CitedSource("City press office", null)), p.sources());
        String everything = p.toString();
        assertFalse(everything.contains("alert"), "scripts are dropped");
        assertFalse(everything.contains("<"), "no markup survives");
    }

    @Test
    void severalEmbeddedPosts() {
        ParsedArticle p = parser.parse(fixture("several-posts.md"), TextFormat.MARKDOWN, null);
        assertEquals("Storm reaches the coast", p.title());
        assertEquals(List.of(
                new EmbeddedPost("Water is up to the second step of our house. Stay safe everyone!", "Maria Lopez",
                        "@marialopez", LocalDate.of(2025, 1, 5), "https://t.co/aaa111", 1),
                new EmbeddedPost("New warning: stay off the roads until noon.", "Weather Service", "@weatherservice",
                        LocalDate.of(2025, 1, 5), "https://x.com/weatherservice/status/42", 1),
                new EmbeddedPost("Schools are closed today.", "City Hall", "@cityhall", LocalDate.of(2025, 1, 5),
                        "https://t.co/ccc333", 1)), p.embeddedPosts());
        assertEquals(List.of(
                new Section(null, List.of("Heavy rain and winds of up to 120 km/h hit the coast overnight, cutting power "
                        + "to thousands of homes.")),
                new Section("Reactions", List.of("Residents shared pictures of flooded streets.",
                        "Officials urged people to stay indoors."))), p.sections());
        assertEquals(List.of(new CitedSource("Weather service bulletin", "https://weather.example/bulletin"),
                new CitedSource("Local radio", null)), p.sources());
    }

    @Test
    void noSources() {
        ParsedArticle p = parser.parse(fixture("no-sources.md"), TextFormat.AUTO, null);
        assertEquals("Markets rally on rate cut hopes", p.title());
        assertEquals("Stocks rose sharply on Friday as investors bet on lower interest rates.", p.lede());
        assertEquals(java.util.Arrays.asList(null, "Tech leads the way", "Bonds"),
                p.sections().stream().map(Section::heading).toList());
        assertEquals(List.of(), p.sources());
        assertEquals(List.of(), p.keyPoints());
    }
}
