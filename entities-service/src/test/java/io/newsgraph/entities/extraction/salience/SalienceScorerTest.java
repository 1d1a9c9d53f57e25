package io.newsgraph.entities.extraction.salience;

import io.newsgraph.entities.extraction.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalienceScorerTest {

    private final SalienceScorer scorer = new SalienceScorer();

    private static Mention body(int at) {
        return new Mention(Mention.Field.BODY, at, at + 5, "xxxxx");
    }

    @Test
    void titleLedeCountAndSpreadEachRaiseTheScore() {
        double once = scorer.score(List.of(body(3000)), 4, 4000);
        double inLede = scorer.score(List.of(body(10)), 4, 4000);
        double inTitle = scorer.score(List.of(new Mention(Mention.Field.TITLE, 0, 5, "xxxxx"), body(3000)), 4, 4000);
        double often = scorer.score(List.of(body(3000), body(3010), body(3020), body(3030)), 4, 4000);
        double spread = scorer.score(List.of(body(1000), body(3900)), 4, 4000);
        double close = scorer.score(List.of(body(3800), body(3900)), 4, 4000);
        assertTrue(inLede > once);
        assertTrue(inTitle > inLede);
        assertTrue(often > once);
        assertTrue(spread > close);
    }

    @Test
    void boundedByZeroAndOne() {
        List<Mention> everywhere = List.of(new Mention(Mention.Field.TITLE, 0, 5, "xxxxx"), body(0), body(999));
        assertEquals(1.0, scorer.score(everywhere, 3, 1000), 0.01);
        assertTrue(scorer.score(List.of(body(500)), 100, 1000) > 0);
    }
}
