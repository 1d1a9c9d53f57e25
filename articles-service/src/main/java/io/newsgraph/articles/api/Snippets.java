package io.newsgraph.articles.api;

import io.newsgraph.articles.persistence.ArticleRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a ts_headline result (matches between control-character markers) into plain text with highlight ranges and
 * into escaped HTML with {@code <mark>}: the article's own markup is never passed through.
 */
final class Snippets {

    record Snippet(String text, String html, List<Connections.SnippetHighlight> highlights) {
    }

    private Snippets() {
    }

    static Snippet of(String headline) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<Connections.SnippetHighlight> highlights = new ArrayList<>();
        int start = -1;
        String source = headline == null ? "" : headline;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == ArticleRepository.HIGHLIGHT_START) {
                start = text.length();
                html.append("<mark>");
            } else if (c == ArticleRepository.HIGHLIGHT_END) {
                if (start >= 0) {
                    highlights.add(new Connections.SnippetHighlight(start, text.length()));
                }
                start = -1;
                html.append("</mark>");
            } else {
                text.append(c);
                switch (c) {
                    case '<' -> html.append("&lt;");
                    case '>' -> html.append("&gt;");
                    case '&' -> html.append("&amp;");
                    case '"' -> html.append("&quot;");
                    case '\'' -> html.append("&#39;");
                    default -> html.append(c);
                }
            }
        }
        return new Snippet(text.toString(), html.toString(), highlights);
    }
}
