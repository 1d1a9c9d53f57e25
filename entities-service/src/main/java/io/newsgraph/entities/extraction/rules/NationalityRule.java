package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps nationality words out of organisation names and types countries as places: "Chinese Foreign Ministry"
 * becomes NATIONALITY "Chinese" and ORGANIZATION "Foreign Ministry" (country CN), only for bodies every country has
 * (names of their own such as "Spanish Air Force" or the place "British Columbia" stay whole);
 * a country tagged as a nationality or organisation ("U.S." as NORP) becomes a LOCATION.
 */
public final class NationalityRule {

    private final Countries countries;
    private final Gazetteer gazetteer;

    public NationalityRule(Countries countries, Gazetteer gazetteer) {
        this.countries = countries;
        this.gazetteer = gazetteer;
    }

    public void apply(TextView view, List<Candidate> candidates) {
        String text = view.text();
        List<Candidate> added = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.isLocked()) {
                continue;
            }
            String name = c.text(text);
            if (c.type == EntityType.NATIONALITY || c.type == EntityType.ORGANIZATION) {
                var country = countries.codeOf(name);
                if (country.isPresent() && gazetteer.lookup(name).isEmpty()) {
                    c.type = EntityType.LOCATION;
                    continue;
                }
            }
            if (c.type == EntityType.NATIONALITY) {
                c.countryCode = countries.codeOfDemonym(name).orElse(null);
                continue;
            }
            if (c.type == EntityType.ORGANIZATION && gazetteer.lookup(name).isEmpty()) {
                int space = name.indexOf(' ');
                if (space > 0 && countries.isDemonym(name.substring(0, space))
                        && isGenericBody(name.substring(space + 1))) {
                    String demonym = name.substring(0, space);
                    Candidate nationality = new Candidate(c.start, c.start + space, EntityType.NATIONALITY,
                            c.source, c.engineLabel);
                    nationality.countryCode = countries.codeOfDemonym(demonym).orElse(null);
                    added.add(nationality);
                    c.start = c.start + space + 1;
                    if (c.countryCode == null) {
                        c.countryCode = nationality.countryCode;
                    }
                }
            }
        }
        candidates.addAll(added);
    }

    /**
     * "Foreign Ministry", "Embassy", "government": bodies every country has, named by the nationality word in
     * front. Names of their own ("Spanish Air Force", "British Columbia", "Russian Empire") keep the word.
     */
    static boolean isGenericBody(String rest) {
        String last = rest.substring(rest.lastIndexOf(' ') + 1);
        return GENERIC_BODIES.contains(last) || rest.startsWith("Ministry");
    }

    private static final java.util.Set<String> GENERIC_BODIES = java.util.Set.of("Ministry", "ministry", "Embassy",
            "embassy", "Consulate", "consulate", "Government", "government", "Parliament", "parliament", "Cabinet",
            "military", "officials", "troops", "authorities", "Office", "Department", "Agency", "Police", "police",
            "Navy", "navy", "Army", "army", "Guard");
}
