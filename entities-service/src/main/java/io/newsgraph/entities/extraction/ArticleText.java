package io.newsgraph.entities.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * What the pipeline reads.
 *
 * @param title     may be null (plain text has none); when the body begins with it, it is read once, from the body
 * @param body      the text; never null
 * @param reference the date relative dates resolve against (the article's publication date, else the time it was
 *                  taken in); may be null, and then a relative date is a DATE with no normalised value
 * @param parts     ranges of the body that are not the article's own prose (its cited sources, quoted posts): their
 *                  mentions are marked with the part and do not count towards salience; may be empty
 */
public record ArticleText(String title, String body, LocalDate reference, List<TextPart> parts) {

    public ArticleText {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public ArticleText(String title, String body, LocalDate reference) {
        this(title, body, reference, List.of());
    }

    /** The part of the body at {@code offset}, or null for the article's own prose. */
    public TextPart.Kind partAt(int offset) {
        for (TextPart p : parts) {
            if (offset >= p.start() && offset < p.end()) {
                return p.kind();
            }
        }
        return null;
    }
}
