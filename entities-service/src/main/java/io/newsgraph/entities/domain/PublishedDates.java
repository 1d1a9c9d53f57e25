package io.newsgraph.entities.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the date that relative dates in a text resolve against: the publication date, else the ingest time. */
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

    /**
     * The reference date of an article: its publication date, else the time it was ingested (a delivery's
     * {@code ingestedAt}, or now for a text sent to be extracted at once), so "on Friday" is still pinned down.
     *
     * @throws InvalidInputException with code {@code INVALID_PUBLISHED_AT} or {@code INVALID_INGESTED_AT}
     */
    public static LocalDate reference(String publishedAt, String ingestedAt, java.time.Clock clock) {
        LocalDate published = parse(publishedAt);
        if (published != null) {
            return published;
        }
        if (ingestedAt != null && !ingestedAt.isBlank()) {
            try {
                return parse(ingestedAt);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("INVALID_INGESTED_AT",
                        "ingestedAt must be an ISO-8601 date-time with offset, e.g. 2024-10-09T08:00:00Z");
            }
        }
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
