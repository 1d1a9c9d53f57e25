package io.newsgraph.entities.location;

import io.newsgraph.entities.location.ArticleLayout.Part;
import io.newsgraph.entities.location.ArticleLayout.Piece;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MentionLocatorTest {

    // body: "Oslo talks\n\nMaria Lopez met\n> Jonas Berg in Oslo.\n\n- Fleet stays\n"
    private static final String BODY = "Oslo talks\n\nMaria Lopez met\n> Jonas Berg in Oslo.\n\n- Fleet stays\n";
    private static final String PARAGRAPH = "Maria Lopez met Jonas Berg in Oslo.";

    private static ArticleLayout layout() {
        List<Piece> paragraph = List.of(new Piece(12, 15, 0), new Piece(30, 19, 16));
        return new ArticleLayout(List.of(
                new Part(ArticlePart.TITLE, null, null, List.of(new Piece(0, 10, 0))),
                new Part(ArticlePart.LEDE, null, null, paragraph),
                new Part(ArticlePart.PARAGRAPH, 0, 0, paragraph),
                new Part(ArticlePart.KEY_POINT, 0, null, List.of(new Piece(53, 11, 0)))));
    }

    private static int at(String s) {
        return BODY.indexOf(s);
    }

    @Test
    void theLayoutMatchesItsBody() {
        for (Part p : layout().parts()) {
            String text = switch (p.part()) {
                case TITLE -> "Oslo talks";
                case LEDE, PARAGRAPH -> PARAGRAPH;
                default -> "Fleet stays";
            };
            for (Piece piece : p.pieces()) {
                assertEquals(BODY.substring(piece.bodyStart(), piece.bodyStart() + piece.length()),
                        text.substring(piece.partStart(), piece.partStart() + piece.length()), p.toString());
            }
        }
    }

    @Test
    void aMentionInTheLedeIsInTheLedeAndItsParagraph() {
        MentionLocator locator = new MentionLocator(layout());
        int s = at("Maria Lopez");
        assertEquals(List.of(new MentionLocation(ArticlePart.LEDE, null, null, 0, 11),
                        new MentionLocation(ArticlePart.PARAGRAPH, 0, 0, 0, 11)),
                locator.locate(s, s + "Maria Lopez".length()));
    }

    @Test
    void aMentionOnALaterLineIsShiftedByWhatTheJoinDropped() {
        MentionLocator locator = new MentionLocator(layout());
        int s = at("Jonas Berg");
        List<MentionLocation> got = locator.locate(s, s + 10);
        assertEquals(new MentionLocation(ArticlePart.PARAGRAPH, 0, 0, 16, 26), got.get(1));
        assertEquals("Jonas Berg", PARAGRAPH.substring(16, 26));
        int oslo = BODY.lastIndexOf("Oslo");
        assertEquals(new MentionLocation(ArticlePart.PARAGRAPH, 0, 0, 30, 34), locator.locate(oslo, oslo + 4).get(1));
    }

    @Test
    void aMentionAcrossALineBreakSpansTheJoiningSpace() {
        MentionLocator locator = new MentionLocator(layout());
        int s = at("met");
        List<MentionLocation> got = locator.locate(s, at("Jonas") + 5);
        assertEquals(new MentionLocation(ArticlePart.PARAGRAPH, 0, 0, 12, 21), got.get(1));
        assertEquals("met Jonas", PARAGRAPH.substring(12, 21));
    }

    @Test
    void theTitleLineAndAKeyPointAreLocated() {
        MentionLocator locator = new MentionLocator(layout());
        assertEquals(List.of(new MentionLocation(ArticlePart.TITLE, null, null, 0, 4)), locator.locate(0, 4));
        int s = at("Fleet");
        assertEquals(List.of(new MentionLocation(ArticlePart.KEY_POINT, 0, null, 0, 5)), locator.locate(s, s + 5));
    }

    @Test
    void titleMentionsAreAtTheirOwnOffsetsInTheTitle() {
        assertEquals(List.of(new MentionLocation(ArticlePart.TITLE, null, null, 3, 9)),
                MentionLocator.inTitle(3, 9));
    }

    @Test
    void textNoPartShowsHasNoLocation() {
        MentionLocator locator = new MentionLocator(layout());
        // the bullet marker and the quote prefix are not rendered; a mention reaching out of a part is not placed
        assertEquals(List.of(), locator.locate(at("- Fleet"), at("- Fleet") + 1));
        assertEquals(List.of(), locator.locate(at("> Jonas"), at("> Jonas") + 1));
        assertEquals(List.of(), locator.locate(at("Oslo."), at("- Fleet") + 3));
        assertEquals(List.of(), new MentionLocator(ArticleLayout.NONE).locate(0, 4));
        assertEquals(List.of(), locator.locate(5, 5));
    }

    @Test
    void manyPartsAreSearchedByOffsetNotWalked() {
        // 5000 one-line paragraphs: each mention finds its own paragraph
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            parts.add(new Part(ArticlePart.PARAGRAPH, i, 0, List.of(new Piece(i * 10, 9, 0))));
        }
        MentionLocator locator = new MentionLocator(new ArticleLayout(parts));
        for (int i = 0; i < 5000; i++) {
            assertEquals(List.of(new MentionLocation(ArticlePart.PARAGRAPH, i, 0, 2, 7)),
                    locator.locate(i * 10 + 2, i * 10 + 7));
        }
    }
}
