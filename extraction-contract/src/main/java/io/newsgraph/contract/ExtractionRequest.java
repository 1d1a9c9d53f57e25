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
 * @param layout      where the body's characters appear in the parts the article is rendered in (title, lede,
 *                    paragraphs, ...), so that a mention's body offsets can be turned into offsets into those parts;
 *                    may be null (older senders, or a layout over {@link #MAX_LAYOUT_PIECES}) and then mentions have
 *                    no locations
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractionRequest(String articleId, long version, String title, String body, String publishedAt,
                                String ingestedAt, List<Part> parts, List<LayoutPart> layout) {

    /**
     * Most pieces a layout may hold, over all its parts. A sender whose layout is larger sends none: the article is
     * still extracted, its mentions just cannot be placed in the rendered parts.
     */
    public static final int MAX_LAYOUT_PIECES = 20_000;

    /** {@link LayoutPart#part()}: the title. */
    public static final String TITLE = "TITLE";
    /** {@link LayoutPart#part()}: the lede (also a paragraph of its section). */
    public static final String LEDE = "LEDE";
    /** {@link LayoutPart#part()}: key point {@code index}. */
    public static final String KEY_POINT = "KEY_POINT";
    /** {@link LayoutPart#part()}: the heading of section {@code index}. */
    public static final String SECTION_HEADING = "SECTION_HEADING";
    /** {@link LayoutPart#part()}: paragraph {@code paragraph} of section {@code index}. */
    public static final String PARAGRAPH = "PARAGRAPH";
    /** {@link LayoutPart#part()}: the text of quoted post {@code index}. */
    public static final String POST_TEXT = "EMBEDDED_POST";
    /** {@link LayoutPart#part()}: the author of quoted post {@code index}. */
    public static final String POST_AUTHOR = "EMBEDDED_POST_AUTHOR";
    /** {@link LayoutPart#part()}: the handle of quoted post {@code index}. */
    public static final String POST_HANDLE = "EMBEDDED_POST_HANDLE";
    /** {@link LayoutPart#part()}: the text of cited source {@code index}. */
    public static final String SOURCE = "SOURCE";

    public ExtractionRequest(String articleId, long version, String title, String body, String publishedAt,
                             String ingestedAt, List<Part> parts) {
        this(articleId, version, title, body, publishedAt, ingestedAt, parts, null);
    }

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

    /**
     * One rendered part of the article and where its characters come from in the body.
     *
     * @param part      which part ({@link #TITLE}, {@link #PARAGRAPH}, ...); receivers ignore parts they do not know
     * @param index     the key point, section, post or source index (the index of the list the article is served
     *                  with); null for the title and the lede
     * @param paragraph the paragraph's index within its section, for {@link #PARAGRAPH}; else null
     * @param pieces    runs of characters copied from the body, in body order
     */
    public record LayoutPart(String part, Integer index, Integer paragraph, List<Piece> pieces) {
    }

    /**
     * A run of {@code length} characters that the body holds at {@code bodyStart} and the part's text at
     * {@code partStart} (Java {@code String} indices): {@code body.substring(bodyStart, bodyStart + length)} equals
     * {@code partText.substring(partStart, partStart + length)}.
     */
    public record Piece(int bodyStart, int length, int partStart) {
    }
}
