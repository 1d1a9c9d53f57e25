package io.newsgraph.entities.extraction.engine;

import io.newsgraph.entities.extraction.engine.nlp4j.Nlp4jEngine;

/** Creates the configured engine by name. Loading may take tens of seconds: call it once. */
public final class NerEngines {

    public static final String NLP4J = "nlp4j";

    private NerEngines() {
    }

    /**
     * @param name    engine name ({@value #NLP4J})
     * @param workers how many texts may be annotated at once (one model instance each)
     */
    public static NerEngine create(String name, int workers) {
        return switch (name) {
            case NLP4J -> new Nlp4jEngine(workers);
            default -> throw new IllegalArgumentException("Unknown NER engine '" + name + "'; known: " + NLP4J);
        };
    }
}
