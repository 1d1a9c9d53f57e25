package io.newsgraph.entities.extraction.engine;

import io.newsgraph.entities.extraction.EntityType;

/**
 * A named-entity span as the engine found it, before any rule touches it.
 *
 * @param start inclusive offset into the annotated text
 * @param end   exclusive offset
 * @param label the engine's own label ({@code PERSON}, {@code GPE}, {@code NORP}, ...)
 * @param type  the label mapped to our types, or null when it is none of ours (numbers, money, ...)
 */
public record EngineSpan(int start, int end, String label, EntityType type) {
}
