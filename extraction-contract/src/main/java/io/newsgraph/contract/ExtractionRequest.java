package io.newsgraph.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Body of {@code PUT /extractions/{articleId}}.
 *
 * @param articleId   the article's id (also in the path; both must agree)
 * @param version     the article's version; the receiver ignores versions it has already seen or passed
 * @param title       the article's title, may be null
 * @param body        the article's text as its parser read it (HTML already turned into text), which may begin with
 *                    the title
 * @param publishedAt ISO-8601 date-time of publication, may be null; the reference for relative dates
 * @param ingestedAt  ISO-8601 date-time the article was first stored, may be null; the reference for relative dates
 *                    when there is no publication date
 * @param parts       ranges of {@code body} that are not the article's own prose, may be null or empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractionRequest(String articleId, long version, String title, String body, String publishedAt,
                                String ingestedAt, List<Part> parts) {

    /** Kind of a {@link Part}: a quoted social post with its attribution line. */
    public static final String EMBEDDED_POST = "EMBEDDED_POST";
    /** Kind of a {@link Part}: the list of cited sources, with its heading. */
    public static final String SOURCES = "SOURCES";

    public ExtractionRequest(String articleId, long version, String title, String body, String publishedAt) {
        this(articleId, version, title, body, publishedAt, null, List.of());
    }

    /**
     * A range of the body.
     *
     * @param kind  {@link #EMBEDDED_POST} or {@link #SOURCES}; receivers ignore kinds they do not know
     * @param start inclusive start, a Java {@code String} index into the body
     * @param end   exclusive end
     */
    public record Part(String kind, int start, int end) {
    }
}
