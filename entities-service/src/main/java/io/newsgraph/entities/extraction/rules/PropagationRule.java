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

    /**
     * @param others names already found in the article's other field (the title for the body and back), so a name
     *               seen in either is found in both
     */
    public void apply(TextView view, List<Candidate> candidates, Map<String, Candidate> others) {
        Map<String, Candidate> names = new LinkedHashMap<>(others);
        String text = view.text();
        for (Candidate c : candidates) {
            if (NAMED.contains(c.type)) {
                names.putIfAbsent(c.text(text), c);
            }
        }
        for (Candidate c : List.copyOf(names.values())) {
            if (c.type == EntityType.PERSON) {
                String name = nameOf(c, names);
                String[] words = name.split(" ");
                String family = words[words.length - 1];
                if (words.length > 1 && family.length() > 2 && !NOT_SURNAMES.contains(family)
                        && Character.isUpperCase(family.charAt(0))) {
                    names.putIfAbsent(family, c);
                }
            }
        }
        List<Candidate> added = new ArrayList<>();
        for (Map.Entry<String, Candidate> e : names.entrySet()) {
            String name = e.getKey();
            if (name.length() < 2 || !Character.isUpperCase(name.charAt(0))) {
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

    private static String nameOf(Candidate c, Map<String, Candidate> names) {
        for (Map.Entry<String, Candidate> e : names.entrySet()) {
            if (e.getValue() == c) {
                return e.getKey();
            }
        }
        throw new IllegalStateException();
    }
}
