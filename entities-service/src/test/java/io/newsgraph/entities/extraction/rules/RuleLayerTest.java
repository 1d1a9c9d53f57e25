package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.MarkedTextEngine;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.extraction.NewsExtractionPipeline;
import io.newsgraph.entities.extraction.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule on text where the engine's tags are given, so a failure points at the rule, not the model. */
class RuleLayerTest {

    private final MarkedTextEngine engine = new MarkedTextEngine();
    private final NewsExtractionPipeline pipeline = new NewsExtractionPipeline(engine);

    private ExtractionResult run(String markedBody) {
        return pipeline.extract(new ArticleText(null, engine.plain(markedBody), LocalDate.of(2024, 10, 9)));
    }

    private static ExtractedEntity only(ExtractionResult r, EntityType type) {
        List<ExtractedEntity> of = r.entities().stream().filter(e -> e.type() == type).toList();
        assertEquals(1, of.size(), of.toString());
        return of.getFirst();
    }

    private static Set<String> names(ExtractionResult r, EntityType type) {
        return r.entities().stream().filter(e -> e.type() == type).map(ExtractedEntity::name).collect(Collectors.toSet());
    }

    @Test
    void titleBeforeANameBecomesARoleAndTheTitlesWordsNoOrganisation() {
        ExtractionResult r = run("Secretary of [ORG Defense] [PERSON Lloyd J. Austin III] spoke.");
        ExtractedEntity austin = only(r, EntityType.PERSON);
        assertEquals("Lloyd J. Austin III", austin.name());
        assertEquals(List.of(new Role("Secretary of Defense", null, null)), austin.roles());
        assertTrue(names(r, EntityType.ORGANIZATION).isEmpty());
    }

    @Test
    void titleGluedIntoThePersonSpanIsCutOff() {
        ExtractedEntity p = only(run("[PERSON Defense Secretary Lloyd Austin] spoke."), EntityType.PERSON);
        assertEquals("Lloyd Austin", p.name());
        assertEquals(List.of(new Role("Defense Secretary", null, null)), p.roles());
    }

    @Test
    void possessiveCountryBecomesTheRolesCountryAcrossAComma() {
        ExtractionResult r = run("He met [GPE Japan]’s Minister of Defense, [PERSON Nakatani Gen] today.");
        ExtractedEntity p = only(r, EntityType.PERSON);
        assertEquals("Nakatani Gen", p.name());
        assertEquals(List.of(new Role("Minister of Defense", null, "JP")), p.roles());
        assertEquals("JP", p.countryCode());
        assertEquals("JP", only(r, EntityType.LOCATION).countryCode());
    }

    @Test
    void untaggedNameAfterACapitalisedTitleIsFoundAndItsSentenceStopLeft() {
        ExtractedEntity p = only(run("He called Japan’s Minister of Defense, Nakatani Gen."), EntityType.PERSON);
        assertEquals("Nakatani Gen", p.name());
        assertEquals("JP", p.roles().getFirst().countryCode());
    }

    @Test
    void untaggedNameAfterATwoWordTitleStartsAfterTheTitle() {
        ExtractedEntity p = only(run("Chief Executive Evander Delacroix met representatives of Siemens."), EntityType.PERSON);
        assertEquals("Evander Delacroix", p.name());
        assertEquals("Chief Executive", p.roles().getFirst().title());
    }

    @Test
    void organisationSpanSwallowingTitleAndNameIsSplit() {
        ExtractionResult r = run("Readout of Minister of [ORG Defense Nakatani Gen]");
        assertEquals(Set.of("Nakatani Gen"), names(r, EntityType.PERSON));
        assertTrue(names(r, EntityType.ORGANIZATION).isEmpty());
    }

    @Test
    void rankAndAppositionGiveTwoRolesWithTheOrganisation() {
        ExtractionResult r = run("Adm. [PERSON Samuel J. Paparo], commander of [ORG U.S. Indo-Pacific Command], "
                + "visited.");
        ExtractedEntity p = only(r, EntityType.PERSON);
        assertEquals(List.of(new Role("Adm.", null, null), new Role("commander", "U.S. Indo-Pacific Command", "US")),
                p.roles());
        assertEquals("US", only(r, EntityType.ORGANIZATION).countryCode());
    }

    @Test
    void bareGenBeforeASingleNameIsAGivenNameNotARank() {
        ExtractedEntity p = only(run("New Defense Minister [PERSON Gen Nakatani] held talks."), EntityType.PERSON);
        assertEquals("Gen Nakatani", p.name());
        assertEquals(List.of(new Role("Defense Minister", null, null)), p.roles());
    }

    @Test
    void possessivesAndLeadingDeterminersAreStripped() {
        ExtractionResult r = run("It is [GPE China’s] aim, said [GPE the United States].");
        assertEquals(Set.of("China", "United States"), names(r, EntityType.LOCATION));
        r.entities().forEach(e -> e.mentions().forEach(m -> assertFalse(m.text().contains("’s"))));
    }

    @Test
    void capitalisedTheStaysMidSentenceButNotAtTheStart() {
        ExtractionResult r = run("He joined the band [ORG The Mad Capsule Markets] in 1990.\n[ORG The Acme Group] said.");
        assertEquals(Set.of("The Mad Capsule Markets", "Acme Group"), names(r, EntityType.ORGANIZATION));
    }

    @Test
    void urlsHandlesAndHashtagsAreTheirOwnEntitiesAndNeverInsideOthers() {
        ExtractionResult r = run("Near Taiwan. [ORG https://t.co/mKCQE3X2cJ]\n— [ORG The Japan Times (@japantimes)] "
                + "#Security");
        assertEquals("https://t.co/mKCQE3X2cJ", only(r, EntityType.URL).normalized());
        ExtractedEntity handle = only(r, EntityType.HANDLE);
        assertEquals("japantimes", handle.normalized());
        ExtractedEntity times = only(r, EntityType.ORGANIZATION);
        assertEquals("The Japan Times", times.name());
        assertTrue(times.aliases().contains("@japantimes"));
        assertEquals("security", only(r, EntityType.HASHTAG).normalized());
    }

    @Test
    void nationalityWordIsNotGluedIntoAnOrganisation() {
        ExtractionResult r = run("The [ORG Chinese Foreign Ministry] protested.");
        ExtractedEntity org = only(r, EntityType.ORGANIZATION);
        assertEquals("Foreign Ministry", org.name());
        assertEquals("CN", org.countryCode());
        ExtractedEntity nationality = only(r, EntityType.NATIONALITY);
        assertEquals("Chinese", nationality.name());
        assertEquals("CN", nationality.countryCode());
    }

    @Test
    void nationalityWordsOfProperNamesStay() {
        ExtractionResult r = run("The [ORG Spanish Air Force] flew over [GPE British Columbia].");
        assertEquals(Set.of("Spanish Air Force"), names(r, EntityType.ORGANIZATION));
        assertEquals(Set.of("British Columbia"), names(r, EntityType.LOCATION));
        assertTrue(names(r, EntityType.NATIONALITY).isEmpty());
    }

    @Test
    void placesAndCompaniesStartingWithTitleWordsAreNotPeople() {
        ExtractionResult r = run("He played in [GPE St. Louis] and audited [GPE King County] for "
                + "[ORG Crown Pacific Partners].");
        assertTrue(names(r, EntityType.PERSON).isEmpty(), names(r, EntityType.PERSON).toString());
        assertEquals(Set.of("St. Louis", "King County"), names(r, EntityType.LOCATION));
    }

    @Test
    void namesOfWorksAreNotMinedForNationalities() {
        ExtractionResult r = run("The song is in the film [WORK_OF_ART American Beauty].");
        assertTrue(r.entities().isEmpty(), r.entities().toString());
    }

    @Test
    void countriesTheEngineMissedAreFoundAndNormalised() {
        ExtractionResult r = run("The [GPE U.S.]-Japan alliance and the Republic of Korea.");
        assertEquals(Set.of("U.S.", "Japan", "Republic of Korea"), names(r, EntityType.LOCATION));
        assertEquals(Set.of("US", "JP", "KR"), r.entities().stream().map(ExtractedEntity::countryCode)
                .collect(Collectors.toSet()));
    }

    @Test
    void knownRegionsAndBodiesFillGaps() {
        ExtractionResult r = run("Tensions in the Indo-Pacific worry NATO and the Pentagon.");
        assertEquals(Set.of("Indo-Pacific"), names(r, EntityType.LOCATION));
        assertEquals(Set.of("NATO", "Pentagon"), names(r, EntityType.ORGANIZATION));
    }

    @Test
    void aNameFoundOnceIsFoundWhereTheEngineMissedIt() {
        ExtractionResult r = run("[PERSON Lloyd Austin] arrived.\nLater Austin spoke with Lloyd Austin aides.");
        ExtractedEntity p = only(r, EntityType.PERSON);
        assertEquals(3, p.mentions().size(), p.mentions().toString());
    }

    @Test
    void aFamilyNameTheEngineTookForAPlaceIsThePersonUnlessAPrepositionSaysPlace() {
        ExtractionResult r = run("[PERSON Lloyd J. Austin III] spoke.\n[GPE Austin] said more.\nHe flew to [GPE Austin].");
        ExtractedEntity person = only(r, EntityType.PERSON);
        assertEquals(2, person.mentions().size(), person.mentions().toString());
        assertEquals(Set.of("Austin"), names(r, EntityType.LOCATION));
    }

    @Test
    void emojiAndBulletsAtTheEdgesAreNotPartOfNames() {
        ExtractionResult r = run("[PERSON \uD83D\uDC4D Lloyd Austin] and [ORG \uD83D\uDE80] and [GPE • Japan\u2764\uFE0F] met.");
        assertEquals(Set.of("Lloyd Austin"), names(r, EntityType.PERSON));
        assertEquals(Set.of("Japan"), names(r, EntityType.LOCATION));
        assertTrue(names(r, EntityType.ORGANIZATION).isEmpty());
    }

    @Test
    void datesAreNormalisedAgainstThePublicationDate() {
        ExtractionResult r = run("On [DATE October 9, 2024] and [DATE today], not [DATE recent years]; "
                + "last week, on Monday, in March 2023.");
        Set<String> dates = r.entities().stream().filter(e -> e.type() == EntityType.DATE)
                .map(ExtractedEntity::normalized).collect(Collectors.toSet());
        assertEquals(Set.of("2024-10-09", "2024-W40", "2024-10-07", "2023-03"), dates);
        ExtractedEntity day = r.entities().stream().filter(e -> "2024-10-09".equals(e.normalized())).findFirst()
                .orElseThrow();
        assertEquals(Set.of("October 9, 2024", "today"),
                day.mentions().stream().map(Mention::text).collect(Collectors.toSet()));
    }

    @Test
    void lowerCaseEngineSpansAreDropped() {
        assertTrue(run("In the [LOC region] it rained.").entities().isEmpty());
    }
}
