package io.newsgraph.entities.location;

import java.util.List;

/**
 * Where an article's body characters appear in the parts it is rendered in, as its sender laid it out.
 *
 * @param parts the rendered parts that hold text from the body
 */
public record ArticleLayout(List<Part> parts) {

    public static final ArticleLayout NONE = new ArticleLayout(List.of());

    public ArticleLayout {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** Pieces over all parts. */
    public int pieceCount() {
        return parts.stream().mapToInt(p -> p.pieces().size()).sum();
    }

    /**
     * One rendered part.
     *
     * @param part      which part
     * @param index     list index of the key point, section, post or source; null for the title and the lede
     * @param paragraph paragraph index within the section, for {@link ArticlePart#PARAGRAPH}; else null
     * @param pieces    the runs copied from the body, in body order and not overlapping
     */
    public record Part(ArticlePart part, Integer index, Integer paragraph, List<Piece> pieces) {

        public Part {
            pieces = List.copyOf(pieces);
        }
    }

    /** {@code length} characters at {@code bodyStart} in the body and at {@code partStart} in the part's text. */
    public record Piece(int bodyStart, int length, int partStart) {
    }
}
