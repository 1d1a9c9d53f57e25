package io.newsgraph.entities.extraction;

/**
 * One occurrence of an entity.
 *
 * @param field which text the offsets point into
 * @param start inclusive start, a Java {@code String} index into that field
 * @param end   exclusive end
 * @param text  the covered text, exactly {@code field.substring(start, end)}
 * @param part  the part of the body the mention sits in when that is not the article's own prose (a quoted post,
 *              the cited sources); null otherwise. Such mentions do not count towards salience
 */
public record Mention(Field field, int start, int end, String text, TextPart.Kind part) {

    public Mention(Field field, int start, int end, String text) {
        this(field, start, end, text, null);
    }

    /** True for a mention in the article's own prose (title or body text), which counts towards salience. */
    public boolean counts() {
        return part == null;
    }

    /** The article part a mention sits in. */
    public enum Field {
        TITLE,
        BODY
    }
}
