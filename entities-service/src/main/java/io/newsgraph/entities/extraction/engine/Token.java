package io.newsgraph.entities.extraction.engine;

/**
 * One token as the engine saw it.
 *
 * @param start inclusive offset into the annotated text
 * @param end   exclusive offset
 * @param text  the covered text
 * @param pos   part-of-speech tag (Penn Treebank), or null when the engine gives none
 */
public record Token(int start, int end, String text, String pos) {

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}
