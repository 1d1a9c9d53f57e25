package io.newsgraph.entities.extraction;

import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.NerEngines;

/** The real NLP4J engine, loaded once per test JVM (half a minute, 1.5 GB) and shared by the tests that need it. */
public final class Nlp4jTestEngine {

    private static NerEngine engine;

    private Nlp4jTestEngine() {
    }

    public static synchronized NerEngine get() {
        if (engine == null) {
            engine = NerEngines.create(NerEngines.NLP4J, 2);
        }
        return engine;
    }
}
