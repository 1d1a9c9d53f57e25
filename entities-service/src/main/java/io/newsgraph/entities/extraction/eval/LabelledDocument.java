package io.newsgraph.entities.extraction.eval;

import java.util.List;

/** One evaluation document: its text and the gold spans in it. */
public record LabelledDocument(String text, List<GoldSpan> spans) {
}
