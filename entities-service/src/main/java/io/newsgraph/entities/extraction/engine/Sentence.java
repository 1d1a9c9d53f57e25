package io.newsgraph.entities.extraction.engine;

import java.util.List;

/**
 * A sentence with its tokens and the engine's entity spans, offsets into the whole annotated text.
 */
public record Sentence(int start, int end, List<Token> tokens, List<EngineSpan> spans) {
}
