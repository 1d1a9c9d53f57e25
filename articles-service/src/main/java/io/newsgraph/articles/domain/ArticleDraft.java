package io.newsgraph.articles.domain;

import io.newsgraph.articles.parse.TextFormat;

import java.time.OffsetDateTime;

/** An article as a client hands it in, before validation. */
public record ArticleDraft(String title, String body, String url, String source, OffsetDateTime publishedAt,
                           String language, String externalId, TextFormat format) {
}
