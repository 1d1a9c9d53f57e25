package io.newsgraph.entities;

import io.newsgraph.entities.domain.KeyKind;
import io.newsgraph.entities.domain.NameKeys;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameKeysTest {

    private static List<String> keys(EntityType type, String name, KeyKind kind) {
        return NameKeys.nameKeys(type, name).stream().filter(k -> k.kind() == kind).map(NameKeys.Key::key).toList();
    }

    @Test
    void normalFormDropsAccentsPunctuationAndLeadingThe() {
        assertEquals("u s indo pacific command", NameKeys.normalize("The U.S. Indo-Pacific Command"));
        assertEquals("jose obrien", NameKeys.normalize("José O’Brien"));
    }

    @Test
    void peopleShareAReducedKeyWhateverTheInitialsSuffixesAndOrder() {
        List<String> full = keys(EntityType.PERSON, "Lloyd J. Austin III", KeyKind.NAME);
        assertTrue(full.contains("austin lloyd"), full.toString());
        assertTrue(keys(EntityType.PERSON, "Lloyd Austin", KeyKind.NAME).contains("austin lloyd"));
        assertTrue(keys(EntityType.PERSON, "Nakatani Gen", KeyKind.NAME).contains("gen nakatani"));
        assertTrue(keys(EntityType.PERSON, "Gen Nakatani", KeyKind.NAME).contains("gen nakatani"));
        assertEquals(List.of("lloyd", "austin"), keys(EntityType.PERSON, "Lloyd J. Austin III", KeyKind.PARTIAL));
    }

    @Test
    void titlesAreNotPartOfAPersonsKeys() {
        // two governors of one surname share no key: the title is not their first name
        assertEquals(keys(EntityType.PERSON, "Leopold Abernethy", KeyKind.NAME),
                keys(EntityType.PERSON, "Governor Leopold Abernethy", KeyKind.NAME));
        assertFalse(keys(EntityType.PERSON, "Governor Dagny Abernethy", KeyKind.NAME)
                .stream().anyMatch(keys(EntityType.PERSON, "Governor Leopold Abernethy", KeyKind.NAME)::contains));
        assertEquals(keys(EntityType.PERSON, "Samuel J. Paparo", KeyKind.NAME),
                keys(EntityType.PERSON, "Adm. Samuel J. Paparo", KeyKind.NAME));
        assertEquals(keys(EntityType.PERSON, "Filippa Delacroix", KeyKind.NAME),
                keys(EntityType.PERSON, "Chief Executive Filippa Delacroix", KeyKind.NAME));
        assertTrue(NameKeys.isBareName(EntityType.PERSON, "Secretary Austin"));
        assertEquals("austin", NameKeys.bareKey("Secretary Austin"));
        // titles are kept for what is not a person
        assertEquals(List.of("governors office"), keys(EntityType.ORGANIZATION, "Governor's Office", KeyKind.NAME));
    }

    @Test
    void aHyphenatedSurnameIsOneName() {
        assertTrue(NameKeys.isBareName(EntityType.PERSON, "Vasquez-Lund"));
        assertEquals("vasquezlund", NameKeys.bareKey("Vasquez-Lund"));
        assertTrue(keys(EntityType.PERSON, "Dagny Vasquez-Lund", KeyKind.NAME).contains("dagny vasquezlund"));
        assertFalse(keys(EntityType.PERSON, "Dagny Vasquez-Lund", KeyKind.NAME).contains("vasquez lund"));
        assertEquals(List.of("dagny", "vasquezlund"), keys(EntityType.PERSON, "Dagny Vasquez-Lund", KeyKind.PARTIAL));
    }

    @Test
    void onlyPeopleHaveBareNames() {
        assertTrue(NameKeys.isBareName(EntityType.PERSON, "Austin"));
        assertFalse(NameKeys.isBareName(EntityType.PERSON, "Lloyd Austin"));
        assertFalse(NameKeys.isBareName(EntityType.LOCATION, "Austin"));
        assertEquals(List.of(), keys(EntityType.ORGANIZATION, "Pentagon", KeyKind.PARTIAL));
    }

    @Test
    void particlesBelongToTheFamilyName() {
        assertEquals(List.of("marieke", "vandijk"), keys(EntityType.PERSON, "Marieke van Dijk", KeyKind.PARTIAL));
        assertTrue(NameKeys.isBareName(EntityType.PERSON, "van Dijk"));
        assertEquals("vandijk", NameKeys.bareKey("van Dijk"));
        assertEquals(List.of("ursula", "vonderleyen"), keys(EntityType.PERSON, "Ursula von der Leyen", KeyKind.PARTIAL));
        assertEquals("vonderleyen", NameKeys.bareKey("von der Leyen"));
        assertEquals("alzarqawi", NameKeys.bareKey("al-Zarqawi"));
        // a capitalised first word is a given name, not a particle
        assertFalse(NameKeys.isBareName(EntityType.PERSON, "Van Morrison"));
    }

    private static ExtractedEntity place(String name, String code, String... aliases) {
        return new ExtractedEntity(EntityType.LOCATION, name, null, code, List.of(aliases), List.of(), List.of(), 0);
    }

    @Test
    void onlyACountryHasItsCodeAsValueKey() {
        assertEquals("JP", NameKeys.valueKey(place("Japan", "JP")));
        assertEquals("KR", NameKeys.valueKey(place("Republic of Korea", "KR")));
        assertEquals("US", NameKeys.valueKey(place("U.S.", "US")));
        assertEquals("US", NameKeys.valueKey(place("the States", "US", "United States")));
        assertNull(NameKeys.valueKey(place("Nansei Islands", "JP")));
        assertNull(NameKeys.valueKey(place("Okinawa", "JP")));
        assertNull(NameKeys.valueKey(place("Rotterdam", "NL")));
        assertNull(NameKeys.valueKey(place("Georgia", "US")), "a code that is not the name's country");
    }

    @Test
    void datesHaveNoNameKeys() {
        assertEquals(List.of(), NameKeys.nameKeys(EntityType.DATE, "Tuesday"));
        assertNull(NameKeys.valueKey(new ExtractedEntity(EntityType.DATE, "recent years", null, null, List.of(),
                List.of(), List.of(), 0)));
    }
}
