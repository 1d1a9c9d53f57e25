package io.newsgraph.entities.extraction.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateRuleTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 10, 9);
    private final DateRule rule = new DateRule();

    private Optional<String> norm(String s) {
        return rule.normalise(s, WEDNESDAY);
    }

    @Test
    void absoluteDatesAtTheirPrecision() {
        assertEquals(Optional.of("2024-10-09"), norm("October 9, 2024"));
        assertEquals(Optional.of("2024-10-09"), norm("9 October 2024"));
        assertEquals(Optional.of("2024-10-09"), norm("Oct. 9, 2024"));
        assertEquals(Optional.of("2024-10-09"), norm("2024-10-09"));
        assertEquals(Optional.of("2023-03"), norm("March 2023"));
        assertEquals(Optional.of("2024-09-21"), norm("Sept. 21"));
    }

    @Test
    void relativeDatesFromThePublicationDate() {
        assertEquals(Optional.of("2024-10-09"), norm("today"));
        assertEquals(Optional.of("2024-10-08"), norm("yesterday"));
        assertEquals(Optional.of("2024-10-07"), norm("Monday"));
        assertEquals(Optional.of("2024-10-09"), norm("Wednesday"));
        assertEquals(Optional.of("2024-10-14"), norm("next Monday"));
        assertEquals(Optional.of("2024-W40"), norm("last week"));
        assertEquals(Optional.of("2024-09"), norm("last month"));
        assertEquals(Optional.of("2025"), norm("next year"));
    }

    @Test
    void nothingWithoutAReferenceOrForImpossibleDates() {
        assertEquals(Optional.empty(), rule.normalise("today", null));
        assertEquals(Optional.empty(), rule.normalise("Sept. 21", null));
        assertEquals(Optional.empty(), norm("February 30, 2024"));
        assertEquals(Optional.empty(), norm("recent years"));
    }
}
