package io.newsgraph.entities.extraction;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text the way it arrives: empty, Windows line ends, characters outside the BMP, no title. Offsets stay exact. */
class AwkwardInputTest {

    private final NewsExtractionPipeline pipeline = new NewsExtractionPipeline(Nlp4jTestEngine.get());

    private ExtractionResult extract(String title, String body) {
        ExtractionResult result = pipeline.extract(new ArticleText(title, body, LocalDate.of(2024, 10, 9)));
        for (ExtractedEntity e : result.entities()) {
            for (Mention m : e.mentions()) {
                String field = m.field() == Mention.Field.TITLE ? title : body;
                assertEquals(field.substring(m.start(), m.end()), m.text(), e.toString());
            }
        }
        return result;
    }

    private static List<String> people(ExtractionResult r) {
        return r.entities().stream().filter(e -> e.type() == EntityType.PERSON).map(ExtractedEntity::name).toList();
    }

    @Test
    void emptyAndBlankTextsGiveNothing() {
        assertTrue(extract(null, "").entities().isEmpty());
        assertTrue(extract("  ", " \n\n\t ").entities().isEmpty());
    }

    @Test
    void windowsLineEndsAndEmojiKeepOffsetsExact() {
        String body = "\uD83D\uDE80\uD83C\uDDEF\uD83C\uDDF5 Secretary of Defense Lloyd J. Austin III met Japan's "
                + "Minister of Defense, Nakatani Gen.\r\n\r\n\uD83D\uDC4D Austin flew to Tokyo on Monday.\r\n";
        ExtractionResult r = extract("\uD83D\uDCF0 Austin in Tokyo", body);
        assertEquals(List.of("Lloyd J. Austin III", "Nakatani Gen"), people(r));
        ExtractedEntity austin = r.entities().stream().filter(e -> e.name().equals("Lloyd J. Austin III"))
                .findFirst().orElseThrow();
        assertEquals(3, austin.mentions().size(), r.entities().toString());
        assertTrue(r.entities().stream().anyMatch(e -> "2024-10-07".equals(e.normalized())));
    }
}
