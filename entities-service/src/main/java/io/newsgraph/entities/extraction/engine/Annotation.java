package io.newsgraph.entities.extraction.engine;

import java.util.List;

/** What an engine returns for one text: its sentences, in order. */
public record Annotation(String text, List<Sentence> sentences) {

    /** Every engine span of the text, in order. */
    public List<EngineSpan> spans() {
        return sentences.stream().flatMap(s -> s.spans().stream()).toList();
    }

    /** Every token of the text, in order. */
    public List<Token> tokens() {
        return sentences.stream().flatMap(s -> s.tokens().stream()).toList();
    }
}
