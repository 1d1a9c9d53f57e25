package io.newsgraph.articles.parse;

/** How an article's text is written; {@link #AUTO} lets the parser tell HTML from plain text. */
public enum TextFormat {
    AUTO, PLAIN, MARKDOWN, HTML
}
