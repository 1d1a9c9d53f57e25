package io.newsgraph.entities.extraction.eval;

import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.extraction.NewsExtractionPipeline;
import io.newsgraph.entities.extraction.engine.Annotation;
import io.newsgraph.entities.extraction.engine.EngineSpan;
import io.newsgraph.entities.extraction.engine.NerEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores the raw engine and the whole pipeline on the same labelled documents, each document annotated once.
 *
 * <p>Types map to CoNLL's: PERSON to PER, ORGANIZATION to ORG, LOCATION to LOC, every other name (NATIONALITY,
 * EVENT, WORK, PRODUCT, LAW, LANGUAGE) to MISC, the raw engine's OntoNotes labels likewise. Dates,
 * URLs and handles have no CoNLL type and are not scored.
 */
public final class NerEvaluation {

    public static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");

    /** Both sides' scores, strict and lenient. */
    public record Result(Scores raw, Scores pipeline, Scores rawLenient, Scores pipelineLenient, int documents,
                         int tokens) {
    }

    private final NerEngine engine;

    public NerEvaluation(NerEngine engine) {
        this.engine = engine;
    }

    public Result run(List<LabelledDocument> documents) {
        Scores raw = new Scores();
        Scores pipeline = new Scores();
        Scores rawLenient = new Scores(true);
        Scores pipelineLenient = new Scores(true);
        int tokens = 0;
        for (LabelledDocument doc : documents) {
            Annotation annotation = engine.annotate(doc.text());
            tokens += annotation.tokens().size();
            List<GoldSpan> rawSpans = rawSpans(annotation);
            raw.add(doc.spans(), rawSpans);
            rawLenient.add(doc.spans(), rawSpans);
            NerEngine replay = new ReplayEngine(engine.name(), annotation);
            var result = new NewsExtractionPipeline(replay, rules).extract(new ArticleText(null, doc.text(), null));
            List<GoldSpan> pipelineSpans = pipelineSpans(result.entities());
            pipeline.add(doc.spans(), pipelineSpans);
            pipelineLenient.add(doc.spans(), pipelineSpans);
        }
        return new Result(raw, pipeline, rawLenient, pipelineLenient, documents.size(), tokens);
    }

    private final io.newsgraph.entities.extraction.rules.RuleLayer rules =
            new io.newsgraph.entities.extraction.rules.RuleLayer();

    static List<GoldSpan> rawSpans(Annotation annotation) {
        List<GoldSpan> spans = new ArrayList<>();
        for (EngineSpan s : annotation.spans()) {
            String type = switch (s.label()) {
                case "PERSON" -> "PER";
                case "ORG" -> "ORG";
                case "GPE", "LOC", "FAC" -> "LOC";
                case "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE" -> "MISC";
                default -> null;
            };
            if (type != null) {
                spans.add(new GoldSpan(s.start(), s.end(), type));
            }
        }
        return spans;
    }

    static List<GoldSpan> pipelineSpans(List<ExtractedEntity> entities) {
        List<GoldSpan> spans = new ArrayList<>();
        for (ExtractedEntity e : entities) {
            String type = conllType(e.type());
            if (type == null) {
                continue;
            }
            for (Mention m : e.mentions()) {
                if (m.field() == Mention.Field.BODY) {
                    spans.add(new GoldSpan(m.start(), m.end(), type));
                }
            }
        }
        return spans;
    }

    static String conllType(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case ORGANIZATION -> "ORG";
            case LOCATION -> "LOC";
            case NATIONALITY, EVENT, WORK, PRODUCT, LAW, LANGUAGE -> "MISC";
            default -> null;
        };
    }

    public static Set<String> scoredTypes() {
        return Set.copyOf(TYPES);
    }

    /** Serves one annotation already made, so the pipeline sees exactly what the raw engine was scored on. */
    private record ReplayEngine(String name, Annotation annotation) implements NerEngine {
        @Override
        public Annotation annotate(String text) {
            if (!text.equals(annotation.text())) {
                throw new IllegalArgumentException("Replay engine holds another text");
            }
            return annotation;
        }
    }
}
