package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.List;

/**
 * Gives places their ISO 3166 code ("U.S." and "United States" are US, "Republic of Korea" is KR), and an
 * organisation the country the text ties it to: a possessive ("Japan's Self-Defense Forces") or a country at the
 * head of its name ("U.S. Indo-Pacific Command").
 */
public final class CountryRule {

    private final Countries countries;
    private final Gazetteer gazetteer;

    public CountryRule(Countries countries, Gazetteer gazetteer) {
        this.countries = countries;
        this.gazetteer = gazetteer;
    }

    public void apply(TextView view, List<Candidate> candidates) {
        String text = view.text();
        for (Candidate c : candidates) {
            String name = c.text(text);
            if (c.type == EntityType.LOCATION) {
                var code = countries.codeOf(name);
                c.country = code.isPresent();
                if (c.countryCode == null) {
                    c.countryCode = code.or(() -> gazetteer.lookup(name).map(Gazetteer.Entry::countryCode))
                            .orElse(null);
                }
            } else if (c.type == EntityType.ORGANIZATION && c.countryCode == null) {
                c.countryCode = gazetteer.lookup(name).map(Gazetteer.Entry::countryCode)
                        .or(() -> headCountry(name))
                        .orElseGet(() -> possessiveCountry(view, candidates, c));
            }
        }
    }

    private java.util.Optional<String> headCountry(String name) {
        int space = name.indexOf(' ');
        if (space <= 0) {
            return java.util.Optional.empty();
        }
        String head = name.substring(0, space);
        return countries.codeOf(head).or(() -> countries.codeOfDemonym(head));
    }

    private String possessiveCountry(TextView view, List<Candidate> candidates, Candidate org) {
        int first = view.tokenStartingAt(org.start);
        if (first < 2) {
            return null;
        }
        String possessive = view.token(first - 1).text();
        if (!possessive.equals("'s") && !possessive.equals("’s")) {
            return null;
        }
        int ownerEnd = view.token(first - 2).end();
        return candidates.stream()
                .filter(c -> c.end == ownerEnd && c.type == EntityType.LOCATION)
                .map(c -> countries.codeOf(c.text(view.text())).orElse(null))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }
}
