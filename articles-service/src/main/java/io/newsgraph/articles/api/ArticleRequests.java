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

    /**
     * PATCH /articles/{id}: any of these fields. The endpoint reads the JSON tree itself (to tell an absent field from a
     * null one); this record only describes the body in the OpenAPI document.
     */
    public record Patch(String title, String body, String url, String source, String publishedAt, String language,
                        Long version) {
    }

    /** Answer of the requeue endpoints ({@code {"requeued": n}}), described for the OpenAPI document. */
    public record Requeued(int requeued) {
    }

    /** Answer of an ingest. */
    public record IngestResponse(String outcome, ArticleView article) {
    }

    /** One line of the bulk answer; {@code line} is the 1-based line number of the input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkLine(int line, int status, String outcome, String id, Long version, String code, String message) {
    }
}
