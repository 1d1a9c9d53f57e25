package io.newsgraph.articles.api;

import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ErrorCode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The bounds of a date filter as a client writes them: an ISO-8601 date-time with offset ({@code 2024-10-01T08:00:00Z})
 * or a date ({@code 2024-10-01}), which stands for its whole day in UTC: a lower bound starts at that day's first
 * instant, an (exclusive) upper bound ends after its last, so {@code from: 2024-10-01, to: 2024-10-31} is all of
 * October. Shared by REST and GraphQL so that both read a date alike.
 */
public final class DateBounds {

    private DateBounds() {
    }

    /** An inclusive lower bound; null when absent. */
    public static OffsetDateTime lower(String field, String value) {
        return parse(field, value, false);
    }

    /** An exclusive upper bound; null when absent. */
    public static OffsetDateTime upper(String field, String value) {
        return parse(field, value, true);
    }

    private static OffsetDateTime parse(String field, String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(v);
                return (upper ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new ArticleException(ErrorCode.INVALID_DATE, field
                        + " must be an ISO-8601 date (2024-10-01) or date-time with offset (2024-10-01T08:00:00Z)");
            }
        }
    }
}
