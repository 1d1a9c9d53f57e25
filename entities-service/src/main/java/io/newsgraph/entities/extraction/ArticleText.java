package io.newsgraph.entities.extraction;

import java.time.LocalDate;

/**
 * What the pipeline reads.
 *
 * @param title     may be null (plain text has none)
 * @param body      the text; never null
 * @param reference the date relative dates resolve against (the article's publication date); may be null
 */
public record ArticleText(String title, String body, LocalDate reference) {
}
