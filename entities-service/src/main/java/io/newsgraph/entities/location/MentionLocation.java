package io.newsgraph.entities.location;

/**
 * Where a mention is in one rendered part: {@code start} and {@code end} are UTF-16 offsets into that part's text.
 *
 * @param index     as {@link ArticleLayout.Part#index()}
 * @param paragraph as {@link ArticleLayout.Part#paragraph()}
 */
public record MentionLocation(ArticlePart part, Integer index, Integer paragraph, int start, int end) {
}
