package io.newsgraph.entities.extraction.eval;

/** A labelled span: character offsets and a CoNLL type (PER, ORG, LOC, MISC). */
public record GoldSpan(int start, int end, String type) {
}
