package io.newsgraph.entities.extraction;

/**
 * A range of an article's body that is not its own prose.
 *
 * @param kind  what the range holds
 * @param start inclusive start, a Java {@code String} index into the body
 * @param end   exclusive end
 */
public record TextPart(Kind kind, int start, int end) {

    /** The kinds of quoted or listed text an article carries. */
    public enum Kind {
        /** A social post quoted in the article, with its attribution line. */
        EMBEDDED_POST,
        /** The list of sources the article cites. */
        SOURCES
    }
}
