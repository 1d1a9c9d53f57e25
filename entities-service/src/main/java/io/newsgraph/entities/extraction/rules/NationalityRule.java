package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps nationality words out of organisation and place names and types countries as places:
 * "Japanese Foreign Ministry" becomes NATIONALITY "Japanese" and ORGANIZATION "Foreign Ministry" (country JP);
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
            if ((c.type == EntityType.ORGANIZATION || c.type == EntityType.LOCATION || c.type == EntityType.EVENT)
                    && gazetteer.lookup(name).isEmpty()) {
                int space = name.indexOf(' ');
                if (space > 0 && countries.isDemonym(name.substring(0, space))) {
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
}
