package io.newsgraph.entities.extraction.experiment;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.engine.Annotation;
import io.newsgraph.entities.extraction.engine.EngineSpan;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.Sentence;
import io.newsgraph.entities.extraction.engine.Token;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * NLP4J stacked with an OpenNLP name finder that reads NLP4J's tags as features: NLP4J tokenises and tags; the
 * name finder decides the person, organisation and place spans of each sentence; NLP4J's other spans (dates,
 * nationalities, events, works, products, numbers) stay where they overlap none of the finder's.
 */
final class CombinedEngine implements NerEngine {

    private static final Set<String> DECIDED = Set.of("PERSON", "ORG", "GPE", "LOC", "FAC");

    private final NerEngine nlp4j;
    private final ContextFeatures features;
    private final ThreadLocal<NameFinderME> finders;

    CombinedEngine(NerEngine nlp4j, TokenNameFinderModel model, ContextFeatures features) {
        this.nlp4j = nlp4j;
        this.features = features;
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    @Override
    public String name() {
        return nlp4j.name() + "+opennlp";
    }

    @Override
    public Annotation annotate(String text) {
        Annotation base = nlp4j.annotate(text);
        NameFinderME finder = finders.get();
        finder.clearAdaptiveData();
        List<Sentence> sentences = new ArrayList<>();
        for (Sentence s : base.sentences()) {
            List<Token> tokens = s.tokens();
            String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
            List<EngineSpan> spans = new ArrayList<>();
            for (Span found : finder.find(words, features.of(s))) {
                int start = tokens.get(found.getStart()).start();
                int end = tokens.get(found.getEnd() - 1).end();
                spans.add(switch (found.getType()) {
                    case "PER" -> new EngineSpan(start, end, "PERSON", EntityType.PERSON);
                    case "ORG" -> new EngineSpan(start, end, "ORG", EntityType.ORGANIZATION);
                    default -> new EngineSpan(start, end, "GPE", EntityType.LOCATION);
                });
            }
            for (EngineSpan e : s.spans()) {
                if (!DECIDED.contains(e.label())
                        && spans.stream().noneMatch(f -> f.start() < e.end() && e.start() < f.end())) {
                    spans.add(e);
                }
            }
            spans.sort(java.util.Comparator.comparingInt(EngineSpan::start));
            sentences.add(new Sentence(s.start(), s.end(), tokens, List.copyOf(spans)));
        }
        return new Annotation(text, sentences);
    }
}
