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
                    && !afterPlacePreposition && countries.codeOf(text).isEmpty()) {
                c.type = EntityType.PERSON;
            }
        }
    }

    /**
     * "in Lyon, France ... said Lyon would be first": a single word the engine took for a person that the same article
     * names as a place, and that is no person's family name there, is that place (one sense per article).
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
            for (Candidate k : known) {
                String other = nameIn(k, others, text);
                if (k.type == EntityType.LOCATION && other.equals(name)) {
                    place = true;
                } else if (k.type == EntityType.PERSON && k != c && name.equals(familyName(other))) {
                    familyName = true;
                }
            }
            if (place && !familyName) {
                c.type = EntityType.LOCATION;
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
