package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sense per article: a name found once is that entity wherever else it appears untagged in the same text
 * ("Nakatani Gen" tagged in the headline, missed in the body). A person's family name alone ("Austin") counts too.
 * Only capitalised text on token boundaries, never inside another entity.
 */
public final class PropagationRule {

    private static final Set<EntityType> NAMED = Set.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.LOCATION, EntityType.NATIONALITY, EntityType.EVENT);
    private static final Set<String> NOT_SURNAMES = Set.of("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV");

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "to", "at", "from", "near", "into", "across",
            "outside", "inside", "around", "toward", "towards");

    private final Countries countries;

    public PropagationRule(Countries countries) {
        this.countries = countries;
    }

    /**
     * @param others names already found in the article's other field (the title for the body and back), so a name
     *               seen in either is found in both
     */
    public void apply(TextView view, List<Candidate> candidates, Map<String, Candidate> others) {
        String text = view.text();
        List<Candidate> known = new ArrayList<>(others.values());
        known.addAll(candidates);
        retypeLonePlaceNames(text, candidates, known, others);
        Map<String, Candidate> names = new LinkedHashMap<>();
        // people and their family names first, so "Austin" maps to Lloyd Austin even where the engine took the word
        // for a place
        for (Candidate c : known) {
            if (c.type == EntityType.PERSON) {
                String name = nameIn(c, others, text);
                names.putIfAbsent(name, c);
                String family = familyName(name);
                if (family != null) {
                    names.putIfAbsent(family, c);
                }
            }
        }
        for (Candidate c : known) {
            if (NAMED.contains(c.type)) {
                names.putIfAbsent(nameIn(c, others, text), c);
            }
        }
        retypeFamilyNames(view, candidates, names);
        List<Candidate> added = new ArrayList<>();
        for (Map.Entry<String, Candidate> e : names.entrySet()) {
            String name = e.getKey();
            if (name.length() < 2 || !(Character.isUpperCase(name.charAt(0)) || NameParticles.startsName(name))) {
                continue;
            }
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int start = at;
                int end = at + name.length();
                if (view.tokenStartingAt(start) < 0 || view.tokenEndingAt(end) < 0 || view.insideOtherName(start, end)) {
                    continue;
                }
                if (candidates.stream().anyMatch(c -> c.overlaps(start, end))
                        || added.stream().anyMatch(c -> c.overlaps(start, end))) {
                    continue;
                }
                Candidate copy = new Candidate(start, end, e.getValue().type, Candidate.Source.PROPAGATED);
                copy.countryCode = e.getValue().countryCode;
                added.add(copy);
            }
        }
        candidates.addAll(added);
    }

    /**
     * "Austin" tagged as a place (the city) in an article about Lloyd Austin: a single word that is a person's
     * family name in the same article, and no country, is that person, unless a place preposition says otherwise
     * ("flew to Austin").
     */
    private void retypeFamilyNames(TextView view, List<Candidate> candidates, Map<String, Candidate> names) {
        for (Candidate c : candidates) {
            if (c.source != Candidate.Source.ENGINE
                    || (c.type != EntityType.LOCATION && c.type != EntityType.ORGANIZATION)) {
                continue;
            }
            String text = c.text(view.text());
            Candidate person = names.get(text);
            int first = view.tokenStartingAt(c.start);
            boolean afterPlacePreposition = first > 0 && view.sameSentence(first - 1, first)
                    && PLACE_PREPOSITIONS.contains(view.token(first - 1).text().toLowerCase(java.util.Locale.ROOT));
            if (person != null && person != c && person.type == EntityType.PERSON && text.indexOf(' ') < 0
                    && !afterPlacePreposition && countries.codeOf(text).isEmpty()
                    && !besideAnotherPlace(view, c, candidates)) {
                c.type = EntityType.PERSON;
            }
        }
    }

    /**
     * A place the text ties to another place right beside it is a place: "Austin, Texas" (a comma, then the state or
     * country), "Bangkok - Chiang Mai" (a route, a hyphen or dash between the two).
     */
    private static boolean besideAnotherPlace(TextView view, Candidate c, List<Candidate> candidates) {
        int first = view.tokenStartingAt(c.start);
        int last = view.tokenEndingAt(c.end);
        if (first < 0 || last < 0) {
            return false;
        }
        if (last + 2 < view.size() && view.sameSentence(last, last + 2)
                && Set.of(",", "-", "–", "—").contains(view.token(last + 1).text())
                && isPlaceAt(view.token(last + 2).start(), c, candidates)) {
            return true;
        }
        return first >= 2 && view.sameSentence(first - 2, first)
                && Set.of("-", "–", "—").contains(view.token(first - 1).text())
                && isPlaceEndingAt(view.token(first - 2).end(), c, candidates);
    }

    private static boolean isPlaceAt(int start, Candidate self, List<Candidate> candidates) {
        return candidates.stream().anyMatch(k -> k != self && k.type == EntityType.LOCATION && k.start == start);
    }

    private static boolean isPlaceEndingAt(int end, Candidate self, List<Candidate> candidates) {
        return candidates.stream().anyMatch(k -> k != self && k.type == EntityType.LOCATION && k.end == end);
    }

    /**
     * "in Lyon, France ... said Lyon would be first": a single word the engine took for a person that the same article
     * names as a place, and that is no person's family name there, is that place (one sense per article). Likewise a
     * single word the engine reads more often as an organisation than as a person in the article ("Scientology",
     * 18 times an organisation, 3 times a person) is that organisation, not a person whose "family name" turns the
     * organisation's other mentions into him.
     */
    private static void retypeLonePlaceNames(String text, List<Candidate> candidates, List<Candidate> known,
                                             Map<String, Candidate> others) {
        for (Candidate c : candidates) {
            if (c.source != Candidate.Source.ENGINE || c.type != EntityType.PERSON) {
                continue;
            }
            String name = c.text(text);
            if (name.indexOf(' ') >= 0) {
                continue;
            }
            boolean place = false;
            boolean familyName = false;
            int asOrganisation = 0;
            int asPerson = 0;
            for (Candidate k : known) {
                String other = nameIn(k, others, text);
                if (k.type == EntityType.LOCATION && other.equals(name)) {
                    place = true;
                } else if (k.type == EntityType.PERSON && k != c && name.equals(familyName(other))) {
                    familyName = true;
                }
                if (other.equals(name) && k.source == Candidate.Source.ENGINE) {
                    asOrganisation += k.type == EntityType.ORGANIZATION ? 1 : 0;
                    asPerson += k.type == EntityType.PERSON ? 1 : 0;
                }
            }
            if (place && !familyName) {
                c.type = EntityType.LOCATION;
            } else if (!familyName && asOrganisation > asPerson) {
                c.type = EntityType.ORGANIZATION;
            }
        }
    }

    /** The text of a candidate, which may sit in the other field. */
    private static String nameIn(Candidate c, Map<String, Candidate> others, String text) {
        for (Map.Entry<String, Candidate> e : others.entrySet()) {
            if (e.getValue() == c) {
                return e.getKey();
            }
        }
        return c.text(text);
    }

    /**
     * "Lloyd J. Austin III" -> "Austin", "Marieke van Dijk" -> "van Dijk" (the particles belong to it: "Dijk" alone
     * is no name of hers); null for one-word names.
     */
    private static String familyName(String name) {
        String[] words = name.split(" ");
        int last = words.length - 1;
        while (last > 0 && NOT_SURNAMES.contains(words[last])) {
            last--;
        }
        String family = words[last];
        if (last == 0 || family.length() <= 2 || family.endsWith(".") || !Character.isUpperCase(family.charAt(0))) {
            return null;
        }
        int first = last;
        while (first > 1 && NameParticles.isParticle(words[first - 1])
                && Character.isLowerCase(words[first - 1].charAt(0))) {
            first--;
        }
        return String.join(" ", java.util.Arrays.copyOfRange(words, first, last + 1));
    }
}
