package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.List;
import java.util.Optional;

/**
 * Fills in what the engine misses in news: known names (regions, alliances, agencies, publications), countries
 * and nationality words. A known name also corrects an engine span that cuts it short or types it wrongly
 * ("Japan Times" inside "The Japan Times"); elsewhere it only fills text no entity covers.
 */
public final class GazetteerRule {

    private final Gazetteer gazetteer;
    private final Countries countries;

    public GazetteerRule(Gazetteer gazetteer, Countries countries) {
        this.gazetteer = gazetteer;
        this.countries = countries;
    }

    public void apply(TextView view, List<Candidate> candidates) {
        String text = view.text();
        for (int i = 0; i < view.size(); i++) {
            if (!view.token(i).isCapitalized() && !NameParticles.startsName(view.token(i).text())) {
                continue; // every known name and country starts with a capital or a particle ("al-Qaida")
            }
            int start = view.token(i).start();
            Optional<Gazetteer.Entry> entry = gazetteer.matchAt(view, start);
            if (entry.isPresent()) {
                int end = start + entry.get().name().length();
                if (!view.insideOtherName(start, end)
                        && place(candidates, start, end, entry.get().type(), entry.get().countryCode())) {
                    i = view.lastTokenUpTo(end);
                }
                continue;
            }
            // countries of one to four tokens ("Japan", "United States", "Republic of Korea")
            for (int n = Math.min(4, view.size() - i); n >= 1; n--) {
                int end = view.token(i + n - 1).end();
                String name = text.substring(start, end);
                if (!Character.isUpperCase(name.charAt(0)) || !view.sameSentence(i, i + n - 1)
                        || view.insideOtherName(start, end)) {
                    continue;
                }
                Optional<String> code = countries.codeOf(name);
                if (code.isPresent() && !name.equals("US") || (name.equals("US") && allCapsContextAllowed(view, i))) {
                    if (placeIfFree(candidates, start, end, EntityType.LOCATION, code.orElse("US"))) {
                        i += n - 1;
                    }
                    break;
                }
                if (n == 1 && countries.isDemonym(name)) {
                    placeIfFree(candidates, start, end, EntityType.NATIONALITY,
                            countries.codeOfDemonym(name).orElse(null));
                }
            }
        }
    }

    /** "US" is also the pronoun in shouting text; take it only when the sentence is not all capitals. */
    private static boolean allCapsContextAllowed(TextView view, int i) {
        int lower = 0;
        for (int j = Math.max(0, i - 3); j < Math.min(view.size(), i + 4); j++) {
            if (j != i && !view.token(j).text().equals(view.token(j).text().toUpperCase())) {
                lower++;
            }
        }
        return lower > 0;
    }

    /** Places a known name: replaces engine spans it strictly contains or that agree on the extent. */
    private static boolean place(List<Candidate> candidates, int start, int end, EntityType type, String code) {
        for (Candidate c : candidates) {
            if (!c.overlaps(start, end)) {
                continue;
            }
            boolean inside = c.start >= start && c.end <= end;
            boolean sameExtent = c.start == start && c.end == end;
            // a known name the engine took for a person ("Daesh") is that name; a person inside a longer known name
            // ("Lloyd" in a gazetteer "Lloyd's of London" cut short) is left to the engine
            if (c.isLocked() || !inside || (c.type == EntityType.PERSON && !sameExtent)) {
                return false; // a longer or different entity already holds the text
            }
        }
        candidates.removeIf(c -> c.overlaps(start, end));
        Candidate added = new Candidate(start, end, type, Candidate.Source.GAZETTEER);
        added.countryCode = code;
        candidates.add(added);
        return true;
    }

    private static boolean placeIfFree(List<Candidate> candidates, int start, int end, EntityType type, String code) {
        if (candidates.stream().anyMatch(c -> c.overlaps(start, end))) {
            return false;
        }
        Candidate added = new Candidate(start, end, type, Candidate.Source.GAZETTEER);
        added.countryCode = code;
        candidates.add(added);
        return true;
    }
}
