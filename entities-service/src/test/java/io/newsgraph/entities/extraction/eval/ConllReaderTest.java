package io.newsgraph.entities.extraction.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConllReaderTest {

    @Test
    void readsDocumentsSentencesAndSpansWithOffsetsIntoTheJoinedText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.conll");
        Files.writeString(file, """
                -DOCSTART- O

                Lloyd I-PER
                Austin I-PER
                visited O
                Japan I-LOC
                . O

                The I-ORG
                Japan I-ORG
                Times I-ORG
                B-ORG B-ORG
                -DOCSTART- O

                Paris I-LOC
                """);
        List<LabelledDocument> docs = ConllReader.read(file);
        assertEquals(2, docs.size());
        LabelledDocument first = docs.getFirst();
        assertEquals("Lloyd Austin visited Japan .\nThe Japan Times B-ORG\n", first.text());
        assertEquals(List.of(new GoldSpan(0, 12, "PER"), new GoldSpan(21, 26, "LOC"), new GoldSpan(29, 44, "ORG"),
                new GoldSpan(45, 50, "ORG")), first.spans());
        assertEquals(List.of(new GoldSpan(0, 5, "LOC")), docs.get(1).spans());
    }

    @Test
    void scoresCountExactSpanAndTypeMatchesOnly() {
        Scores scores = new Scores();
        scores.add(List.of(new GoldSpan(0, 5, "PER"), new GoldSpan(10, 15, "LOC")),
                List.of(new GoldSpan(0, 5, "PER"), new GoldSpan(10, 14, "LOC"), new GoldSpan(20, 25, "ORG")));
        assertEquals(1.0, scores.counts("PER").f1());
        assertEquals(0.0, scores.counts("LOC").f1());
        assertEquals(0.0, scores.counts("ORG").precision());
        assertEquals(1.0 / 3, scores.overall(java.util.Set.of("PER", "LOC", "ORG")).precision(), 1e-9);
        assertEquals(0.5, scores.overall(java.util.Set.of("PER", "LOC", "ORG")).recall(), 1e-9);
    }
}
