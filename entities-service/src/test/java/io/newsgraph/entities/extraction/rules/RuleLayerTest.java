package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.MarkedTextEngine;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.extraction.NewsExtractionPipeline;
import io.newsgraph.entities.extraction.Role;
import io.newsgraph.entities.extraction.TextPart;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void rankBesideAPositionIsNoRoleOfItsOwn() {
        ExtractionResult r = run("Adm. [PERSON Samuel J. Paparo], commander of [ORG U.S. Indo-Pacific Command], "
                + "visited.");
        ExtractedEntity p = only(r, EntityType.PERSON);
        assertEquals(List.of(new Role("commander", "U.S. Indo-Pacific Command", "US")), p.roles());
        assertTrue(p.aliases().contains("Adm. Samuel J. Paparo"), p.aliases().toString());
        assertEquals("US", only(r, EntityType.ORGANIZATION).countryCode());

        ExtractedEntity general = only(run("Gen. [PERSON Ilse Marwitz], chief of [ORG Bundeswehr Joint Command], "
                + "spoke."), EntityType.PERSON);
        assertEquals(List.of("chief"), general.roles().stream().map(Role::title).toList());
        // a rank alone is still what the text says of the person
        assertEquals(List.of(new Role("Gen.", null, null)),
                only(run("Gen. [PERSON Ilse Marwitz] spoke."), EntityType.PERSON).roles());
    }

    @Test
    void anAppositionNamingACountryGivesThePersonItsCountry() {
        ExtractedEntity austin = only(run("[PERSON Lloyd J. Austin III], Secretary of Defense of [GPE the United "
                + "States], spoke."), EntityType.PERSON);
        assertEquals(List.of(new Role("Secretary of Defense", null, "US")), austin.roles());
        assertEquals("US", austin.countryCode());
        ExtractedEntity other = only(run("[PERSON Marta Ilves], Minister of Foreign Affairs of [GPE Estonia], "
                + "arrived."), EntityType.PERSON);
        assertEquals("EE", other.countryCode());
        assertEquals("Minister of Foreign Affairs", other.roles().getFirst().title());
    }

    @Test
    void aFamilyNameKeepsItsParticles() {
        ExtractionResult r = run("Chief executive [PERSON Marieke van Dijk] told reporters.\n\"Ships return,\" van [PERSON Dijk] "
                + "said.\nLater van Dijk left.");
        ExtractedEntity p = r.entities().stream().filter(e -> e.name().equals("Marieke van Dijk")).findFirst()
                .orElseThrow(() -> new AssertionError(r.entities().toString()));
        assertTrue(p.aliases().contains("van Dijk"), p.aliases().toString());
        assertFalse(p.aliases().contains("Dijk"), p.aliases().toString());
        ExtractedEntity other = only(run("[PERSON Ursula von der Leyen] spoke. Later von der [PERSON Leyen] said "
                + "more, and von der Leyen left."), EntityType.PERSON);
        assertFalse(other.aliases().contains("Leyen"), other.aliases().toString());
        assertTrue(other.aliases().contains("von der Leyen"), other.aliases().toString());
    }

    @Test
    void namesOpeningWithAnArabicArticleAreKept() {
        ExtractionResult r = run("[PERSON al-Zarqawi] led [ORG al-Qaida] in Iraq near [GPE al-Hilla], and "
                + "[PERSON el-Masri] fled.");
        assertEquals(Set.of("al-Zarqawi", "el-Masri"), names(r, EntityType.PERSON));
        assertEquals(Set.of("al-Qaida"), names(r, EntityType.ORGANIZATION));
        assertTrue(names(r, EntityType.LOCATION).contains("al-Hilla"), r.entities().toString());
        // untagged, a known one is still found
        assertEquals(Set.of("al-Shabaab"), names(run("Fighters of al-Shabaab attacked."), EntityType.ORGANIZATION));
    }

    @Test
    void knownOrganisationsTheEngineTookForPeopleAreOrganisations() {
        ExtractionResult r = run("Strikes on [PERSON Daesh] positions and on [PERSON Da'esh] depots; [PERSON Hezbollah] "
                + "replied.");
        assertTrue(names(r, EntityType.PERSON).isEmpty(), r.entities().toString());
        assertTrue(names(r, EntityType.ORGANIZATION).containsAll(Set.of("Daesh", "Da'esh", "Hezbollah")));
    }

    @Test
    void stationsArePlacesAndCompaniesNotPeople() {
        ExtractionResult r = run("The train reached [ORG Paris Gare de l'Est] from [ORG Berlin Hauptbahnhof]; "
                + "[ORG Port of Rotterdam Authority] said.");
        assertEquals(Set.of("Paris Gare de l'Est", "Berlin Hauptbahnhof"), names(r, EntityType.LOCATION));
        assertEquals(Set.of("Port of Rotterdam Authority"), names(r, EntityType.ORGANIZATION));

        ExtractionResult firms = run("Power comes from Nairobi start-up [PERSON Jua Connect] and [PERSON Kibo Systems]; "
                + "insurer [PERSON Halden Mutual] paid. [PERSON Wanjiru Kamau] founded it.");
        assertEquals(Set.of("Jua Connect", "Kibo Systems", "Halden Mutual"), names(firms, EntityType.ORGANIZATION));
        assertEquals(Set.of("Wanjiru Kamau"), names(firms, EntityType.PERSON));
    }

    @Test
    void twoPlacesJoinedByAHyphenAreTwoPlaces() {
        ExtractionResult r = run("Trains link Berlin and Paris. The [GPE Berlin-Paris] route and the [GPE Vienna–Rome] "
                + "line, says Vienna, and Rome agrees, unlike [GPE Baden-Württemberg].");
        assertEquals(Set.of("Berlin", "Paris", "Vienna", "Rome", "Baden-Württemberg"), names(r, EntityType.LOCATION));
    }

    @Test
    void aCommonWordCapitalisedInAHeadingIsNoName() {
        ExtractionResult r = run("From [ORG Diesel] to Sunlight\nHomes relied on diesel generators.\n[ORG Kerosene] "
                + "prices rose, and kerosene lamps went. [ORG Safaricom] sells safaricom-branded sims.");
        assertEquals(Set.of("Safaricom"), names(r, EntityType.ORGANIZATION));
    }

    @Test
    void datesWithoutAReferenceAreKeptWithNoValue() {
        ExtractionResult r = pipeline.extract(new ArticleText(null, engine.plain(
                "On Friday, in February, officials said [DATE last year] and [DATE recent years] mattered; "
                        + "on October 9, 2024 it ended."), null));
        List<ExtractedEntity> dates = r.entities().stream().filter(e -> e.type() == EntityType.DATE).toList();
        Set<String> texts = dates.stream().flatMap(e -> e.mentions().stream()).map(Mention::text)
                .collect(Collectors.toSet());
        assertEquals(Set.of("Friday", "February", "last year", "recent years", "October 9, 2024"), texts);
        assertEquals(Set.of("2024-10-09"), dates.stream().map(ExtractedEntity::normalized)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        // with a reference the same forms are pinned
        ExtractionResult pinned = run("On Friday, in February, officials said last year mattered.");
        assertEquals(Set.of("2024-10-04", "2024-02", "2023"), pinned.entities().stream()
                .filter(e -> e.type() == EntityType.DATE).map(ExtractedEntity::normalized).collect(Collectors.toSet()));
    }

    @Test
    void aRelativeDateIsNoAliasOfTheDayItMeansHere() {
        ExtractionResult r = run("The summit opened on Wednesday, October 9, 2024. On Wednesday leaders met.");
        ExtractedEntity day = only(r, EntityType.DATE);
        assertEquals("2024-10-09", day.normalized());
        assertFalse(day.aliases().contains("Wednesday"), day.aliases().toString());
        assertTrue(day.aliases().contains("October 9, 2024"), day.aliases().toString());
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
        // the handle in brackets after the publisher is its account: one entity
        assertTrue(names(r, EntityType.HANDLE).isEmpty(), r.entities().toString());
        ExtractedEntity times = only(r, EntityType.ORGANIZATION);
        assertEquals("The Japan Times", times.name());
        assertNull(times.normalized());
        assertTrue(times.aliases().contains("@japantimes"));
        assertEquals(2, times.mentions().size(), times.mentions().toString());
        assertEquals("security", only(r, EntityType.HASHTAG).normalized());
    }

    @Test
    void aHandleThatSpellsAnOrganisationsNameIsThatOrganisation() {
        ExtractionResult r = run("[ORG The Quill Gazette] reported it first. Follow @quillgazette and @someoneelse.");
        assertEquals(Set.of("@someoneelse"), names(r, EntityType.HANDLE));
        ExtractedEntity gazette = only(r, EntityType.ORGANIZATION);
        assertTrue(gazette.aliases().contains("@quillgazette"), gazette.aliases().toString());
    }

    @Test
    void aBodyThatBeginsWithTheTitleCountsTheTitleOnce() {
        String title = "Strike at Stena Line ends";
        String body = engine.plain("Strike at [ORG Stena Line] ends\nUnions at [ORG Stena Line] agreed.");
        ExtractionResult r = pipeline.extract(new ArticleText(title, body, LocalDate.of(2024, 10, 9)));
        ExtractedEntity stena = only(r, EntityType.ORGANIZATION);
        assertEquals(List.of(new Mention(Mention.Field.TITLE, 10, 20, "Stena Line"),
                new Mention(Mention.Field.BODY, 36, 46, "Stena Line")), stena.mentions());
        assertEquals("Stena Line", title.substring(10, 20));
        // a Markdown heading is the same title
        String md = engine.plain("# Strike at [ORG Stena Line] ends\n\nUnions at [ORG Stena Line] agreed.");
        assertEquals(2, only(pipeline.extract(new ArticleText(title, md, null)), EntityType.ORGANIZATION)
                .mentions().size());
    }

    @Test
    void quotedPostsAndSourcesAreMarkedAndDoNotFeedSalience() {
        String marked = "[ORG Stena Line] and [ORG Harbour Union] agreed, [ORG Stena Line] said.\n"
                + "Deal done, [ORG Harbour Union] says.\n— [ORG Harbour Desk] (@harbourdesk) May 2, 2025\n"
                + "Sources\n- [ORG Harbour Union] press release\n- [ORG Port Weekly] report";
        String body = engine.plain(marked);
        int post = body.indexOf("Deal done");
        int sources = body.indexOf("Sources");
        List<TextPart> parts = List.of(new TextPart(TextPart.Kind.EMBEDDED_POST, post, sources - 1),
                new TextPart(TextPart.Kind.SOURCES, sources, body.length()));
        ExtractionResult withParts = pipeline.extract(new ArticleText(null, body, LocalDate.of(2025, 5, 3), parts));
        ExtractionResult plain = pipeline.extract(new ArticleText(null, body, LocalDate.of(2025, 5, 3)));
        ExtractedEntity union = withParts.entities().stream().filter(e -> e.name().equals("Harbour Union"))
                .findFirst().orElseThrow();
        assertEquals(java.util.Arrays.asList(null, TextPart.Kind.EMBEDDED_POST, TextPart.Kind.SOURCES),
                union.mentions().stream().map(Mention::part).toList());
        ExtractedEntity weekly = withParts.entities().stream().filter(e -> e.name().equals("Port Weekly"))
                .findFirst().orElseThrow();
        assertEquals(0.0, weekly.salience(), "named only in the sources");
        double unionPlain = plain.entities().stream().filter(e -> e.name().equals("Harbour Union")).findFirst()
                .orElseThrow().salience();
        assertTrue(union.salience() < unionPlain, union.salience() + " vs " + unionPlain);
        ExtractedEntity stena = withParts.entities().stream().filter(e -> e.name().equals("Stena Line"))
                .findFirst().orElseThrow();
        assertTrue(stena.salience() > union.salience(), stena.salience() + " vs " + union.salience());
    }

    @Test
    void aHandleIsNeverThePublishersCanonicalName() {
        ExtractionResult r = run("Talks ended.\n— [ORG Reuters] (@Reuters) May 2, 2025");
        ExtractedEntity reuters = only(r, EntityType.ORGANIZATION);
        assertEquals("Reuters", reuters.name());
        assertEquals(List.of("@Reuters"), reuters.aliases());
    }

    @Test
    void aWordTheArticleNamesAsAPlaceIsNoPerson() {
        ExtractionResult r = run("Work began in [GPE Lyon], France.\nHe said [PERSON Lyon] would be first, and "
                + "[PERSON Maren Oduya] agreed with [PERSON Oduya].");
        assertEquals(Set.of("Lyon", "France"), names(r, EntityType.LOCATION));
        assertEquals(Set.of("Maren Oduya"), names(r, EntityType.PERSON));
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
        assertEquals(Set.of(EntityType.WORK), r.entities().stream().map(ExtractedEntity::type)
                .collect(Collectors.toSet()), r.entities().toString());
    }

    @Test
    void aWorksTitleKeepsItsArticle() {
        ExtractionResult r = run("He grew up watching [WORK_OF_ART the Twilight Zone] and [WORK_OF_ART The Godfather].");
        assertEquals(Set.of("the Twilight Zone", "The Godfather"), names(r, EntityType.WORK));
    }

    @Test
    void aRouteTheEngineTookForAPersonIsTwoPlaces() {
        ExtractionResult r = run("Train No. 1 runs from [GPE Bangkok] to Chiang Mai.\n"
                + "Train No. 2 is [PERSON Chiang Mai - Bangkok].");
        assertTrue(names(r, EntityType.PERSON).isEmpty(), r.entities().toString());
        assertEquals(Set.of("Bangkok", "Chiang Mai"), names(r, EntityType.LOCATION));
    }

    @Test
    void aPlaceNamedWithItsStateStaysAPlaceBesideAPersonOfThatName() {
        ExtractionResult r = run("[PERSON Lloyd Austin] spoke.\nHe was born near the city of [GPE Austin], [GPE Texas].");
        assertEquals(Set.of("Lloyd Austin"), names(r, EntityType.PERSON));
        assertEquals(Set.of("Austin", "Texas"), names(r, EntityType.LOCATION));
    }

    @Test
    void aWordTheEngineReadsMostlyAsAnOrganisationIsNoPerson() {
        ExtractionResult r = run("[PERSON Scientology] answered.\n[ORG Scientology] said it would sue.\n"
                + "Critics of [ORG Scientology] met.");
        assertTrue(names(r, EntityType.PERSON).isEmpty(), r.entities().toString());
        assertEquals(3, only(r, EntityType.ORGANIZATION).mentions().size());
    }

    @Test
    void worksProductsLawsAndLanguagesTheEngineFoundAreKept() {
        ExtractionResult r = run("Fans of [WORK_OF_ART Game of Thrones] queued for the [PRODUCT Galaxy S24] and the "
                + "[PRODUCT F-35]. The [LAW Inflation Reduction Act] was read out in [LANGUAGE Arabic].");
        assertEquals(Set.of("Game of Thrones"), names(r, EntityType.WORK));
        assertEquals(Set.of("Galaxy S24", "F-35"), names(r, EntityType.PRODUCT));
        assertEquals(Set.of("Inflation Reduction Act"), names(r, EntityType.LAW));
        assertEquals(Set.of("Arabic"), names(r, EntityType.LANGUAGE));
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
                .map(ExtractedEntity::normalized).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        assertEquals(Set.of("2024-10-09", "2024-W40", "2024-10-07", "2023-03"), dates);
        // a date no rule can pin down is still a date, with no value
        ExtractedEntity vague = r.entities().stream().filter(e -> e.name().equals("recent years")).findFirst()
                .orElseThrow();
        assertEquals(EntityType.DATE, vague.type());
        assertNull(vague.normalized());
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
