package io.newsgraph.entities.extraction.rules;

import com.neovisionaries.i18n.CountryCode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names and nationality words to ISO 3166-1 alpha-2 codes.
 *
 * <p>Names come from ISO 3166 (nv-i18n, with "Korea, Republic of" also read as "Republic of Korea"), the JDK's
 * English display names, and a short list of the forms news uses ("U.S.", "Britain", "South Korea").
 */
public final class Countries {

    private final Map<String, String> codeByName = new HashMap<>();
    private final Map<String, String> codeByDemonym = new HashMap<>();
    private final Map<String, String> demonymGroups = new HashMap<>();

    public Countries() {
        for (CountryCode code : CountryCode.values()) {
            if (code.getAssignment() != CountryCode.Assignment.OFFICIALLY_ASSIGNED) {
                continue;
            }
            String alpha2 = code.getAlpha2();
            String iso = code.getName();
            put(iso, alpha2);
            int comma = iso.indexOf(", ");
            if (comma > 0) {
                // "Korea, Republic of" -> "Republic of Korea"; "Congo, the Democratic Republic of the" likewise
                put(iso.substring(comma + 2) + " " + iso.substring(0, comma), alpha2);
            }
            String display = Locale.of("", alpha2).getDisplayCountry(Locale.ENGLISH);
            if (!display.contains(" - ") && !display.equals(alpha2)) {
                put(display, alpha2);
            }
        }
        for (String[] row : Resources.tsv("/extraction/country-aliases.tsv")) {
            put(row[0], row[1]);
        }
        for (String[] row : Resources.tsv("/extraction/demonyms.tsv")) {
            String code = row.length > 1 && !row[1].isBlank() ? row[1] : "";
            demonymGroups.put(row[0], code);
            if (!code.isEmpty()) {
                codeByDemonym.put(row[0], code);
            }
        }
    }

    private void put(String name, String alpha2) {
        codeByName.putIfAbsent(key(name), alpha2);
    }

    private static String key(String name) {
        String k = name.strip();
        if (k.regionMatches(true, 0, "the ", 0, 4)) {
            k = k.substring(4);
        }
        return k.replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    /** The code of a country name ("U.S.", "Republic of Korea", "Japan"), if it is one. */
    public Optional<String> codeOf(String name) {
        return Optional.ofNullable(codeByName.get(key(name)));
    }

    /** The code of a nationality word ("Japanese" -> JP). */
    public Optional<String> codeOfDemonym(String word) {
        return Optional.ofNullable(codeByDemonym.get(word));
    }

    /** True for nationality, religious and political group words ("Japanese", "Muslims", "Republicans"). */
    public boolean isDemonym(String word) {
        return demonymGroups.containsKey(word);
    }
}
