package io.newsgraph.entities.extraction.eval;

import io.newsgraph.entities.extraction.EntityType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NerEvaluationTest {

    @Test
    void everyOtherNameIsScoredAsMiscLikeTheEnginesOwnLabels() {
        // the raw side scores WORK_OF_ART, PRODUCT, LAW and LANGUAGE as MISC; the pipeline's own types must meet them
        assertEquals("MISC", NerEvaluation.conllType(EntityType.WORK));
        assertEquals("MISC", NerEvaluation.conllType(EntityType.PRODUCT));
        assertEquals("MISC", NerEvaluation.conllType(EntityType.LAW));
        assertEquals("MISC", NerEvaluation.conllType(EntityType.LANGUAGE));
        assertEquals("MISC", NerEvaluation.conllType(EntityType.NATIONALITY));
    }
}
