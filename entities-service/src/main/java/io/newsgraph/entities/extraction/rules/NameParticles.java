package io.newsgraph.entities.extraction.rules;

import java.util.Locale;
import java.util.Set;

/**
 * The lower-case words a family name can begin with ("van Dijk", "von der Leyen", "de Gaulle", "dos Santos") and the
 * Arabic article written with a hyphen ("al-Zarqawi", "el-Sisi"). Such a word is part of the name after it: the family
 * name of "Marieke van Dijk" is "van Dijk", never "Dijk", and "al-Qaida" is a name although it starts lower-case.
 */
public final class NameParticles {

    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "du", "des", "dos", "das", "do", "ter", "ten", "le", "la", "bin", "ibn", "bint", "zu", "af", "av");

    /** Hyphenated prefixes of transliterated Arabic names. */
    private static final Set<String> HYPHENATED = Set.of("al", "el", "ad", "ash", "as", "at", "az", "ar", "an", "abu");

    private NameParticles() {
    }

    /** A lower-case particle word ("van", "der"), compared case-insensitively. */
    public static boolean isParticle(String word) {
        return PARTICLES.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * True when {@code text} starts with a particle that makes a lower-case start a name's start: "al-Qaida",
     * "el-Sisi" (prefix, hyphen, capital), or "van Dijk", "de la Cruz" (particles, then a capitalised word).
     */
    public static boolean startsName(String text) {
        int hyphen = text.indexOf('-');
        if (hyphen > 0 && hyphen + 1 < text.length() && HYPHENATED.contains(text.substring(0, hyphen).toLowerCase(Locale.ROOT))
                && Character.isUpperCase(text.codePointAt(hyphen + 1))) {
            return true;
        }
        String[] words = text.split(" ");
        int i = 0;
        while (i < words.length - 1 && PARTICLES.contains(words[i])) {
            i++;
        }
        return i > 0 && !words[i].isEmpty() && Character.isUpperCase(words[i].codePointAt(0));
    }
}
