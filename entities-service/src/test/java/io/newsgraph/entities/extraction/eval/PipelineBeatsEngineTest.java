package io.newsgraph.entities.extraction.eval;

import io.newsgraph.entities.extraction.Nlp4jTestEngine;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation on a slice of wikigold: the pipeline must score at least as well as the raw engine on PER, ORG and
 * LOC. Fails when a rule change costs more than it wins.
 */
class PipelineBeatsEngineTest {

    @Test
    void pipelineF1IsAtLeastTheRawEnginesOnPersonsOrganisationsAndPlaces() throws Exception {
        List<LabelledDocument> docs = ConllReader.read(resource("/extraction/wikigold-slice.conll"));
        assertEquals(41, docs.size());
        NerEvaluation.Result result = new NerEvaluation(Nlp4jTestEngine.get()).run(docs);
        EvalCommand.print(result, System.out);
        for (String type : List.of("PER", "ORG", "LOC")) {
            double raw = result.raw().counts(type).f1();
            double pipeline = result.pipeline().counts(type).f1();
            assertTrue(result.raw().counts(type).gold() > 100, type + " has too few gold spans to say anything");
            assertTrue(raw > 0.3, type + " raw F1 " + raw + ": the engine is not working");
            assertTrue(pipeline >= raw, type + ": pipeline F1 " + pipeline + " < raw F1 " + raw);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineBeatsEngineTest.class.getResource(name).toURI());
    }
}
