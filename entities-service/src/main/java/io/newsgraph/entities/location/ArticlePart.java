package io.newsgraph.entities.location;

/** The parts an article is rendered in, as the articles subgraph serves them. */
public enum ArticlePart {
    /** {@code Article.title}. */
    TITLE,
    /** {@code Article.lede} (also a paragraph of its section). */
    LEDE,
    /** {@code Article.keyPoints[index]}. */
    KEY_POINT,
    /** {@code Article.sections[index].heading}. */
    SECTION_HEADING,
    /** {@code Article.sections[index].paragraphs[paragraph]}. */
    PARAGRAPH,
    /** {@code Article.embeddedPosts[index].text}. */
    EMBEDDED_POST,
    /** {@code Article.embeddedPosts[index].author}. */
    EMBEDDED_POST_AUTHOR,
    /** {@code Article.embeddedPosts[index].handle}. */
    EMBEDDED_POST_HANDLE,
    /** {@code Article.sources[index].text}. */
    SOURCE
}
