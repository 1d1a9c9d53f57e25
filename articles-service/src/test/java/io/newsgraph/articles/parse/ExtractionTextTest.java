package io.newsgraph.articles.parse;

import io.newsgraph.contract.ExtractionRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractionTextTest {

    private static final String PLAIN = """
            Ferries return to the islands
            Ferries sailed again on Monday after a week of storms.
            Regional Outlook
            The operator expects full service by June.
            Ferries are back on the western routes. https://t.co/abc
            — Harbour Desk (@harbourdesk) May 2, 2025
            Officials said more sailings would follow.
            Sources
            - Harbour Desk report
            - Island council statement
            """;

    /** What a delivery carries: the text the parser read, with its parts. */
    private static ExtractionText.Text read(String body, TextFormat format) {
        return ExtractionText.read(new ArticleParser().read(body, format, null).text());
    }

    private static String text(ExtractionText.Text t, ExtractionRequest.Part p) {
        return t.text().substring(p.start(), p.end());
    }

    @Test
    void plainTextIsSentAsWrittenWithItsQuotedPostAndSourcesMarked() {
        ExtractionText.Text t = read(PLAIN, TextFormat.AUTO);
        assertEquals(PLAIN, t.text());
        List<ExtractionRequest.Part> parts = t.parts();
        assertEquals(List.of(ExtractionRequest.EMBEDDED_POST, ExtractionRequest.SOURCES),
                parts.stream().map(ExtractionRequest.Part::kind).toList());
        assertEquals("Ferries are back on the western routes. https://t.co/abc\n"
                + "— Harbour Desk (@harbourdesk) May 2, 2025", text(t, parts.get(0)));
        assertEquals("Sources\n- Harbour Desk report\n- Island council statement", text(t, parts.get(1)));
    }

    @Test
    void htmlIsSentAsTheTextTheParserReads() {
        ExtractionText.Text t = read("<h1>Ferries return</h1><p>Ships from <a href=\"https://x.test\">"
                + "Stena Line</a> sailed.</p><h2>Sources</h2><ul><li>Stena Line</li></ul><h2>Background</h2>"
                + "<p>Storms hit.</p>", TextFormat.AUTO);
        assertFalse(t.text().contains("<"), t.text());
        assertTrue(t.text().contains("Ships from Stena Line sailed."), t.text());
        ExtractionRequest.Part sources = t.parts().getFirst();
        assertEquals(ExtractionRequest.SOURCES, sources.kind());
        String marked = text(t, sources);
        assertTrue(marked.contains("Stena Line") && !marked.contains("Background") && !marked.contains("Storms"),
                marked);
    }
}
