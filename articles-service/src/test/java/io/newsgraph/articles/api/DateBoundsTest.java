package io.newsgraph.articles.api;

import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DateBoundsTest {

    @Test
    void aDateIsItsWholeDayInUtc() {
        assertEquals(OffsetDateTime.parse("2024-10-01T00:00:00Z"), DateBounds.lower("publishedFrom", "2024-10-01"));
        // the upper bound is exclusive: the day ends where the next begins
        assertEquals(OffsetDateTime.parse("2024-10-02T00:00:00Z"), DateBounds.upper("publishedTo", "2024-10-01"));
    }

    @Test
    void anInstantIsTakenAsGiven() {
        assertEquals(OffsetDateTime.parse("2024-10-01T08:30:00+02:00"), DateBounds.lower("f", " 2024-10-01T08:30:00+02:00 "));
        assertEquals(OffsetDateTime.parse("2024-10-01T08:30:00Z"), DateBounds.upper("f", "2024-10-01T08:30:00Z"));
        assertNull(DateBounds.lower("f", null));
        assertNull(DateBounds.upper("f", " "));
    }

    @Test
    void anythingElseIsInvalidDate() {
        for (String bad : new String[] {"2024-02-30", "2024-10-01T08:00:00", "01/10/2024", "yesterday"}) {
            ArticleException e = assertThrows(ArticleException.class, () -> DateBounds.lower("publishedFrom", bad));
            assertEquals(ErrorCode.INVALID_DATE, e.code());
            assertEquals("publishedFrom must be an ISO-8601 date (2024-10-01) or date-time with offset (2024-10-01T08:00:00Z)",
                    e.getMessage());
        }
    }
}
