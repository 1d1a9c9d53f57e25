package io.newsgraph.entities.extraction;

/**
 * One occurrence of an entity.
 *
 * @param field which text the offsets point into
 * @param start inclusive start, a Java {@code String} index into that field
 * @param end   exclusive end
 * @param text  the covered text, exactly {@code field.substring(start, end)}
 */
public record Mention(Field field, int start, int end, String text) {

    /** The article part a mention sits in. */
    public enum Field {
        TITLE,
        BODY
    }
}
