package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.persistence.KeyMatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolution policy alone: what was looked up in, a decision out, no database. */
class ResolutionPolicyTest {

    private static ExtractedEntity person(String name) {
        return new ExtractedEntity(EntityType.PERSON, name, null, null, List.of(), List.of(), List.of(), 0.5);
    }

    private static ExtractedEntity country(String name, String code) {
        return new ExtractedEntity(EntityType.LOCATION, name, null, code, List.of(), List.of(), List.of(), 0.5);
    }

    private static List<EntityLookup> lookups(ExtractedEntity... entities) {
        return Arrays.stream(entities).map(EntityLookup::of).toList();
    }

    /** The stored keys of an entity, as the catalogue would answer a lookup of them. */
    private static List<KeyMatch> stored(long id, int articles, ExtractedEntity as) {
        List<KeyMatch> out = new ArrayList<>();
        EntityMerge.keysFor(as.type(), as.name(), EntityLookup.valueKey(as), false)
                .forEach(k -> out.add(new KeyMatch(as.type(), k.key(), k.kind(), id, articles)));
        return out;
    }

    @SafeVarargs
    private static List<KeyMatch> all(List<KeyMatch>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    @Test
    void nothingStoredCreatesOneEntityPerNameAndJoinsSpellingsOfOneNewName() {
        List<EntityLookup> l = lookups(person("Oriel Vantongeren"), person("Vantongeren Oriel"), person("Sela Markova"));
        ResolutionPolicy.FirstPass first = ResolutionPolicy.firstPass(l, List.of());
        assertTrue(first.tied().isEmpty());
        ResolutionPolicy.Decision d = first.decide(Map.of());
        assertEquals(2, d.newCount(), "two spellings of one name are one new entity");
        assertEquals(d.newEntity().get(0), d.newEntity().get(1));
        assertEquals(List.of(0, 2), d.founders());
        assertNull(d.existing().get(0));
    }

    @Test
    void aValueKeyIsIdentityWhateverTheName() {
        // "Nippon" is known to be the country through its alias: only a country's own name makes its code a value key
        List<EntityLookup> l = lookups(new ExtractedEntity(EntityType.LOCATION, "Nippon", null, "JP", List.of("Japan"),
                List.of(), List.of(), 0.5));
        ResolutionPolicy.Decision d = ResolutionPolicy.firstPass(l, stored(7, 3, country("Japan", "JP")))
                .decide(Map.of());
        assertEquals(7L, d.existing().get(0));
        assertEquals(0, d.newCount());
    }

    @Test
    void aShorterFullNameFindsTheOnePersonItNames() {
        List<EntityLookup> l = lookups(person("Halvard Brennick"));
        ResolutionPolicy.Decision d = ResolutionPolicy.firstPass(l, stored(11, 1, person("Halvard J. Brennick III")))
                .decide(Map.of());
        assertEquals(11L, d.existing().get(0));
    }

    @Test
    void aBareNameOfTwoPeopleGoesToTheOneSeenWithThisArticlesOtherEntities() {
        ExtractedEntity first = person("Tomasz Ilvane");
        ExtractedEntity second = person("Petra Ilvane");
        ExtractedEntity colleague = person("Ruan Okafor");
        List<EntityLookup> l = lookups(colleague, person("Ilvane"));
        List<KeyMatch> matches = all(stored(1, 9, first), stored(2, 1, second), stored(3, 4, colleague));
        ResolutionPolicy.FirstPass pass = ResolutionPolicy.firstPass(l, matches);
        assertEquals(Set.of(1L, 2L), pass.tied());
        assertEquals(Set.of(3L), pass.context());

        assertEquals(2L, pass.decide(Map.of(2L, 5)).existing().get(1), "evidence beats popularity");
        ResolutionPolicy.Decision none = pass.decide(Map.of());
        assertNull(none.existing().get(1), "without evidence a bare name is not guessed");
        assertEquals(1, none.newCount(), "it becomes (or joins) the entity that is just the bare name");
    }

    @Test
    void aFullNameOfTwoEntitiesFallsBackToTheOneInMostArticlesThenTheOldest() {
        ExtractedEntity name = new ExtractedEntity(EntityType.ORGANIZATION, "Harbour Council", null, null, List.of(),
                List.of(), List.of(), 0.5);
        List<EntityLookup> l = lookups(name);
        ResolutionPolicy.FirstPass pass = ResolutionPolicy.firstPass(l, all(stored(5, 2, name), stored(4, 8, name)));
        assertEquals(4L, pass.decide(Map.of()).existing().get(0));
        ResolutionPolicy.FirstPass even = ResolutionPolicy.firstPass(l, all(stored(5, 2, name), stored(4, 2, name)));
        assertEquals(4L, even.decide(Map.of()).existing().get(0));
        assertEquals(5L, even.decide(Map.of(5L, 1)).existing().get(0));
    }
}
