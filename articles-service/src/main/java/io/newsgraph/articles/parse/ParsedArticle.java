package io.newsgraph.articles.parse;

import java.util.List;

/**
 * The structure {@link ArticleParser} finds in an article's text.
 *
 * @param title         the explicit title, else the first line
 * @param lede          the first paragraph of prose after the title, or null
 * @param keyPoints     bullets under an "At a Glance" style heading
 * @param sections      the prose, split at headings; a first section without heading holds prose before any heading
 * @param embeddedPosts social posts quoted in the text
 * @param sources       entries of the "Sources" list
 * @param wordCount     words in the text (whitespace-separated tokens holding a letter or digit, markup removed)
 */
public record ParsedArticle(String title, String lede, List<String> keyPoints, List<Section> sections,
                            List<EmbeddedPost> embeddedPosts, List<CitedSource> sources, int wordCount) {

    /** A heading (null for the prose before the first heading) and its paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
    }

    /**
     * A quoted social post, recognised by its attribution line ("— Author (@handle) Date").
     *
     * @param sectionIndex index into {@link ParsedArticle#sections()} of the section the post appears in
     */
    public record EmbeddedPost(String text, String author, String handle, java.time.LocalDate date, String link,
                               int sectionIndex) {
    }

    /** One cited source: its text and, when the text names one, its URL. */
    public record CitedSource(String text, String url) {
    }
}
