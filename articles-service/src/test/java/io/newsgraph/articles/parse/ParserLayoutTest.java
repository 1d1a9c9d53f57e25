package io.newsgraph.articles.parse;

import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.contract.ExtractionRequest.LayoutPart;
import io.newsgraph.contract.ExtractionRequest.Piece;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.newsgraph.articles.parse.ArticleParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The layout the parser answers beside the article: every piece copies its characters from the text read, the parts
 * carry the indexes the article's lists are served with, and every character of a rendered part is covered except
 * the spaces that join a paragraph's lines.
 */
class ParserLayoutTest {

    private final ArticleParser parser = new ArticleParser();

    private record Input(String name, String text, TextFormat format, String title) {
    }

    private static List<Input> inputs() throws IOException {
        List<Input> out = new ArrayList<>();
        for (String f : List.of("seed-article.txt", "html-article.html", "no-headings.txt", "no-sources.md",
                "several-posts.md")) {
            out.add(new Input(f, fixture(f), TextFormat.AUTO, null));
        }
        out.add(new Input("seed, plain", fixture("seed-article.txt"), TextFormat.PLAIN, null));
        out.add(new Input("seed, markdown", fixture("seed-article.txt"), TextFormat.MARKDOWN, null));
        out.add(new Input("seed, CRLF", fixture("seed-article.txt").replace("\n", "\r\n"), TextFormat.AUTO, null));
        out.add(new Input("seed, explicit title", fixture("seed-article.txt"), TextFormat.AUTO, "Austin and Nakatani talk"));
        out.add(new Input("html, html mode", fixture("html-article.html"), TextFormat.HTML, null));
        out.add(new Input("several posts, CR", fixture("several-posts.md").replace('\n', '\r'), TextFormat.MARKDOWN, null));
        try (Stream<Path> samples = Files.list(Path.of("../samples"))) {
            for (Path p : samples.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                out.add(new Input(p.getFileName().toString(), text, TextFormat.AUTO, null));
                out.add(new Input(p.getFileName() + ", CRLF", text.replace("\n", "\r\n"), TextFormat.AUTO, null));
            }
        }
        out.add(new Input("quoted, indented, wrapped", """
                # Harbour   talks resume
                  > Ministers from   Norway and Chile met in Oslo
                  > on Tuesday, the first time since 2019.

                ## Key takeaways

                * Talks   resume in   March.
                2) A treaty draft is   due.

                ### What was said\t

                    Maria Lopez said the fleet would stay.
                Jonas Berg disagreed,
                  calling it "a mistake".

                > The fleet stays where it is. pic.twitter.com/xyz
                > — Maria Lopez (@mlopez)   June 3, 2024 https://example.org/s/1

                Sources:

                - [ Oslo Times report ](https://example.org/oslo)
                - Chile press office — https://example.org/cl -
                - https://example.org/only-a-link
                - Reuters (wire)
                """, TextFormat.AUTO, "Harbour   talks resume"));
        out.add(new Input("plain lines", """
                Fleet deal signed
                Norway and Chile signed the fleet deal in Oslo.
                What comes next
                Maria Lopez will travel to Santiago in May.
                Great day for the fleet.
                -- Jonas Berg (@jberg) May 1, 2024
                Sources
                Oslo Times https://example.org/a
                """, TextFormat.PLAIN, null));
        out.add(new Input("html entities and breaks", """
                <h1>Talks&nbsp;in Oslo</h1><p>Maria&nbsp;Lopez met <i>Jonas</i><br>Berg in Oslo.</p>
                <h2>Sources</h2><ol><li><a href="https://example.org/x">Oslo&nbsp;Times</a></li></ol>""",
                TextFormat.AUTO, null));
        return out;
    }

    @Test
    void everyPieceCopiesTheTextReadIntoItsPart() throws IOException {
        for (Input in : inputs()) {
            ArticleParser.Reading r = parser.read(in.text(), in.format(), in.title());
            assertFalse(r.layout().isEmpty(), in.name());
            Set<String> seen = new HashSet<>();
            for (LayoutPart part : r.layout()) {
                String where = in.name() + " " + part;
                assertTrue(seen.add(part.part() + "/" + part.index() + "/" + part.paragraph()), "twice: " + where);
                String partText = partText(r.article(), in.title(), part);
                assertNotNull(partText, "no such part: " + where);
                boolean[] covered = new boolean[partText.length()];
                int lastBody = -1;
                for (Piece p : part.pieces()) {
                    assertTrue(p.length() > 0 && p.bodyStart() >= lastBody && p.partStart() >= 0
                            && p.bodyStart() + p.length() <= r.text().length()
                            && p.partStart() + p.length() <= partText.length(), "out of range: " + p + " in " + where);
                    assertEquals(r.text().substring(p.bodyStart(), p.bodyStart() + p.length()),
                            partText.substring(p.partStart(), p.partStart() + p.length()), where);
                    lastBody = p.bodyStart() + p.length();
                    for (int k = p.partStart(); k < p.partStart() + p.length(); k++) {
                        covered[k] = true;
                    }
                }
                for (int k = 0; k < covered.length; k++) {
                    if (!covered[k] && partText.charAt(k) != ' ') {
                        fail("character " + k + " of " + where + " comes from nowhere: " + partText);
                    }
                }
            }
            assertEveryRenderedPartIsLaidOut(in, r);
        }
    }

    /** Each prose part the article is served with has its layout entry; only a title given apart may lack one. */
    private static void assertEveryRenderedPartIsLaidOut(Input in, ArticleParser.Reading r) {
        ParsedArticle a = r.article();
        Set<String> parts = new HashSet<>();
        r.layout().forEach(p -> parts.add(p.part() + "/" + p.index() + "/" + p.paragraph()));
        if (a.lede() != null) {
            assertTrue(parts.contains("LEDE/null/null"), in.name());
        }
        for (int i = 0; i < a.keyPoints().size(); i++) {
            assertTrue(parts.contains("KEY_POINT/" + i + "/null"), in.name() + " key point " + i);
        }
        for (int i = 0; i < a.sections().size(); i++) {
            if (a.sections().get(i).heading() != null) {
                assertTrue(parts.contains("SECTION_HEADING/" + i + "/null"), in.name() + " heading " + i);
            }
            for (int j = 0; j < a.sections().get(i).paragraphs().size(); j++) {
                assertTrue(parts.contains("PARAGRAPH/" + i + "/" + j), in.name() + " paragraph " + i + "/" + j);
            }
        }
        for (int i = 0; i < a.embeddedPosts().size(); i++) {
            if (a.embeddedPosts().get(i).text() != null && !a.embeddedPosts().get(i).text().isEmpty()) {
                assertTrue(parts.contains("EMBEDDED_POST/" + i + "/null"), in.name() + " post " + i);
            }
            assertTrue(parts.contains("EMBEDDED_POST_HANDLE/" + i + "/null"), in.name() + " handle " + i);
        }
        for (int i = 0; i < a.sources().size(); i++) {
            assertTrue(parts.contains("SOURCE/" + i + "/null"), in.name() + " source " + i);
        }
        if (in.title() == null && a.title() != null) {
            assertTrue(parts.contains("TITLE/null/null"), in.name());
        }
    }

    @Test
    void theLedeIsLaidOutAsItsParagraph() {
        ArticleParser.Reading r = parser.read(fixture("seed-article.txt"), TextFormat.AUTO, null);
        LayoutPart lede = find(r, ExtractionRequest.LEDE, null, null);
        LayoutPart paragraph = find(r, ExtractionRequest.PARAGRAPH, 0, 0);
        assertEquals(paragraph.pieces(), lede.pieces());
        assertEquals(r.article().lede(), r.article().sections().get(0).paragraphs().get(0));
    }

    @Test
    void aParagraphOfSeveralLinesIsOnePiecePerLine() {
        String text = "# Talks\n\nMaria Lopez met\n  > Jonas Berg in Oslo.\n\nSecond paragraph here.\n";
        ArticleParser.Reading r = parser.read(text, TextFormat.AUTO, null);
        LayoutPart p = find(r, ExtractionRequest.PARAGRAPH, 0, 0);
        assertEquals("Maria Lopez met Jonas Berg in Oslo.", r.article().sections().get(0).paragraphs().get(0));
        assertEquals(List.of(new Piece(9, 15, 0), new Piece(29, 19, 16)), p.pieces());
        // the title came from the text: it is laid out too
        assertEquals(List.of(new Piece(2, 5, 0)), find(r, ExtractionRequest.TITLE, null, null).pieces());
    }

    @Test
    void aTitleGivenApartIsLaidOutOnlyWhenTheTextSpellsItTheSame() {
        String text = "Talks in Oslo\nMaria Lopez met Jonas Berg in Oslo.\n";
        assertTrue(parser.read(text, TextFormat.PLAIN, "Talks in Oslo").layout().stream()
                .anyMatch(p -> p.part().equals(ExtractionRequest.TITLE)));
        assertTrue(parser.read(text, TextFormat.PLAIN, "TALKS IN OSLO").layout().stream()
                .noneMatch(p -> p.part().equals(ExtractionRequest.TITLE)));
    }

    @Test
    void aLayoutOverTheBoundIsNotSent() {
        // a blank-line paragraph of many one-word lines: one piece per line
        String text = "Title\n\n" + "word\n".repeat(ExtractionRequest.MAX_LAYOUT_PIECES) + "\nEnd.\n";
        ArticleParser.Reading r = parser.read(text, TextFormat.AUTO, null);
        assertTrue(r.layout().isEmpty());
        assertEquals("End.", r.article().sections().get(0).paragraphs().get(1));
    }

    private static LayoutPart find(ArticleParser.Reading r, String part, Integer index, Integer paragraph) {
        return r.layout().stream()
                .filter(p -> p.part().equals(part) && java.util.Objects.equals(p.index(), index)
                        && java.util.Objects.equals(p.paragraph(), paragraph))
                .findFirst().orElseThrow(() -> new AssertionError("no " + part + " " + index + " " + paragraph));
    }

    /** The text the articles subgraph serves for a layout part. */
    private static String partText(ParsedArticle a, String explicitTitle, LayoutPart p) {
        return switch (p.part()) {
            case ExtractionRequest.TITLE -> explicitTitle != null ? explicitTitle : a.title();
            case ExtractionRequest.LEDE -> a.lede();
            case ExtractionRequest.KEY_POINT -> a.keyPoints().get(p.index());
            case ExtractionRequest.SECTION_HEADING -> a.sections().get(p.index()).heading();
            case ExtractionRequest.PARAGRAPH -> a.sections().get(p.index()).paragraphs().get(p.paragraph());
            case ExtractionRequest.POST_TEXT -> a.embeddedPosts().get(p.index()).text();
            case ExtractionRequest.POST_AUTHOR -> a.embeddedPosts().get(p.index()).author();
            case ExtractionRequest.POST_HANDLE -> a.embeddedPosts().get(p.index()).handle();
            case ExtractionRequest.SOURCE -> a.sources().get(p.index()).text();
            default -> null;
        };
    }
}
