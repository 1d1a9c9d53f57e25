package io.newsgraph.entities.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the optional publication date that relative dates in a text resolve against. */
public final class PublishedDates {

    private PublishedDates() {
    }

    /**
     * Accepts an ISO-8601 date-time with offset ("2024-10-09T08:00:00Z") or a date ("2024-10-09"); null or blank means
     * none.
     *
     * @throws InvalidInputException with code {@code INVALID_PUBLISHED_AT} for anything else
     */
    public static LocalDate parse(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        String s = publishedAt.strip();
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException notDate) {
                throw new InvalidInputException("INVALID_PUBLISHED_AT",
                        "publishedAt must be an ISO-8601 date-time with offset or a date, e.g. 2024-10-09T08:00:00Z");
            }
        }
    }
}
