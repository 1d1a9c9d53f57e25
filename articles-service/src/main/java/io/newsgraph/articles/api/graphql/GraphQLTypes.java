package io.newsgraph.articles.api.graphql;

import io.newsgraph.articles.api.ArticleView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

/** GraphQL-only inputs and payloads. */
public final class GraphQLTypes {

    private GraphQLTypes() {
    }

    @Input("ArticleInput")
    @Description("A new article; ingest is idempotent by externalId, else by url")
    public record ArticleInput(String title, @NonNull String body, String url, String source,
                               OffsetDateTime publishedAt, String language, String externalId) {
    }

    @Input("ArticlePatchInput")
    @Description("Fields to change; a null or absent field stays as it is, unless `clear` names it")
    public record ArticlePatchInput(String title, String body, String url, String source, OffsetDateTime publishedAt,
                                    String language,
                                    @Description("Fields to remove from the article; naming a field here and giving it a value is an INVALID_ARGUMENT")
                                    List<ClearableArticleField> clear) {

        boolean clears(ClearableArticleField field) {
            return clear != null && clear.contains(field);
        }
    }

    @Name("ClearableArticleField")
    @Description("An optional field of an article; the body is required and cannot be cleared")
    public enum ClearableArticleField {
        TITLE, URL, SOURCE, PUBLISHED_AT, LANGUAGE
    }

    /** Dates are strings so that a date alone is accepted; {@link io.newsgraph.articles.api.DateBounds} reads them. */
    @Input("ArticleFilter")
    public record ArticleFilter(String source,
                                @Description("Inclusive lower bound of publishedAt: an ISO-8601 date-time with offset"
                                        + " (2024-10-01T08:00:00Z) or a date (2024-10-01: from the start of that day, UTC)."
                                        + " Anything else is refused with INVALID_DATE.")
                                String publishedFrom,
                                @Description("Exclusive upper bound of publishedAt: an ISO-8601 date-time with offset"
                                        + " (2024-10-02T00:00:00Z) or a date (2024-10-01: up to the end of that day, UTC,"
                                        + " so the day is included). Anything else is refused with INVALID_DATE.")
                                String publishedTo) {
    }

    @Name("IngestOutcome")
    public enum IngestOutcome {
        CREATED, UPDATED, UNCHANGED
    }

    @Name("IngestArticlePayload")
    public record IngestArticlePayload(@NonNull IngestOutcome outcome, @NonNull ArticleView article) {
    }

    @Name("DeleteArticlePayload")
    public record DeleteArticlePayload(@Id @NonNull String id) {
    }
}
