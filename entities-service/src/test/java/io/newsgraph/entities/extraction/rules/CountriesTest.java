package io.newsgraph.entities.extraction.rules;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountriesTest {

    private final Countries countries = new Countries();

    @Test
    void newsFormsIsoNamesAndDisplayNames() {
        assertEquals(Optional.of("US"), countries.codeOf("U.S."));
        assertEquals(Optional.of("US"), countries.codeOf("United States"));
        assertEquals(Optional.of("US"), countries.codeOf("the United States"));
        assertEquals(Optional.of("KR"), countries.codeOf("Republic of Korea"));
        assertEquals(Optional.of("KR"), countries.codeOf("South Korea"));
        assertEquals(Optional.of("KP"), countries.codeOf("North Korea"));
        assertEquals(Optional.of("JP"), countries.codeOf("Japan"));
        assertEquals(Optional.of("TW"), countries.codeOf("Taiwan"));
        assertEquals(Optional.of("GB"), countries.codeOf("Britain"));
        assertEquals(Optional.of("IR"), countries.codeOf("Islamic Republic of Iran"));
        assertEquals(Optional.empty(), countries.codeOf("Texas"));
        assertEquals(Optional.empty(), countries.codeOf("Indo-Pacific"));
    }

    @Test
    void nationalityWords() {
        assertEquals(Optional.of("JP"), countries.codeOfDemonym("Japanese"));
        assertTrue(countries.isDemonym("Republicans"));
        assertEquals(Optional.empty(), countries.codeOfDemonym("Republicans"));
    }
}
