package io.newsgraph.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of {@code PUT /extractions/{articleId}}.
 *
 * @param articleId   the article's id (also in the path; both must agree)
 * @param version     the article's version; the receiver ignores versions it has already seen or passed
 * @param title       the article's title, may be null
 * @param body        the article's text
 * @param publishedAt ISO-8601 date-time of publication, may be null; the reference for relative dates
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractionRequest(String articleId, long version, String title, String body, String publishedAt) {
}
