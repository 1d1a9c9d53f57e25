package io.newsgraph.articles.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** JSON bodies the REST API accepts and returns besides {@link ArticleView}. */
public final class ArticleRequests {

    private ArticleRequests() {
    }

    /** POST /articles and each line of the bulk endpoint. Every field is optional except body. */
    public record Ingest(String title, String body, String url, String source, String publishedAt, String language,
                         String externalId) {
    }

    /** PUT /articles/{id}: the new content in full; version may come here instead of If-Match. */
    public record Replace(String title, String body, String url, String source, String publishedAt, String language,
                          String externalId, Long version) {
    }

    /** Answer of an ingest. */
    public record IngestResponse(String outcome, ArticleView article) {
    }

    /** One line of the bulk answer; {@code line} is the 1-based line number of the input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkLine(int line, int status, String outcome, String id, Long version, String code, String message) {
    }
}
