package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.rules.Countries;
import io.newsgraph.entities.extraction.rules.NameParticles;
import io.newsgraph.entities.extraction.rules.TitleWords;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys a canonical entity is found by across articles, derived from its names.
 *
 * <p>Names are compared in a normal form: accents dropped, lower case, punctuation as spaces, a leading "the"
 * removed. People get two more kinds of key, because news names one person in several ways: a reduced key without
 * initials and suffixes, its tokens sorted ("Lloyd J. Austin III" and "Lloyd Austin" both give "austin lloyd";
 * "Nakatani Gen" and "Gen Nakatani" both give "gen nakatani"), and partial keys, one per first and last token, used
 * only for a name that is a single token ("Austin") and only when they point to one person.
 *
 * <p>A hyphenated name is one name token, and so is a family name with its particles ("van Dijk", "von der Leyen",
 * "al-Zarqawi"): "Marieke van Dijk" has the partial keys "marieke" and "vandijk", never "dijk".
 *
 * <p>Value keys are identity, so only what a value really identifies gets one: a country its ISO code (a place
 * inside a country carries that code too, as a fact about it, but it is not the country), a pinned date its ISO
 * value, a handle, a URL, a hashtag. A date the text could not pin down ("recent years") has no key at all: it is
 * that article's phrase, not a date shared with other articles.
 *
 * <p>A hyphenated name is one name token. A person's titles are not part of their name: "Governor Leopold Abernethy" (a form the pipeline keeps as an
 * alias) gives the keys of "Leopold Abernethy", and "Secretary Austin" is a bare name. Otherwise the sorted pair of
 * first and last token, "abernethy governor", would tie every governor of that surname into one person.
 */
public final class NameKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern HYPHEN_IN_WORD = Pattern.compile("(?<=\\p{L})[-‐‑](?=\\p{L})");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "v", "phd", "md");
    private static final Countries COUNTRIES = new Countries();

    /** A lookup key and its strength. */
    public record Key(KeyKind kind, String key) {
    }

    private NameKeys() {
    }

    /** The normal form of a name: "The U.S. Indo-Pacific Command" gives "u s indo pacific command". */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        return s;
    }

    /**
     * The value key of an extracted entity, or null when it has none: the ISO code of a country (not of a place in
     * one: "Nansei Islands", JP, is not Japan), the ISO value of a pinned date, a handle lower-cased without "@", a
     * URL, a hashtag's normal form.
     */
    public static String valueKey(ExtractedEntity e) {
        return switch (e.type()) {
            case DATE, URL -> blankToNull(e.normalized());
            case HANDLE -> {
                String h = e.normalized() != null ? e.normalized() : e.name();
                yield h == null ? null : h.replaceFirst("^@", "").toLowerCase(Locale.ROOT);
            }
            case HASHTAG -> blankToNull(normalize(e.name()));
            case LOCATION -> isCountry(e) ? e.countryCode().toUpperCase(Locale.ROOT) : null;
            default -> null;
        };
    }

    /** True when the place is the country its code names: its name or one of its aliases is that country's name. */
    static boolean isCountry(ExtractedEntity e) {
        if (e.countryCode() == null || e.type() != EntityType.LOCATION) {
            return false;
        }
        String code = e.countryCode().toUpperCase(Locale.ROOT);
        if (COUNTRIES.codeOf(e.name()).filter(code::equals).isPresent()) {
            return true;
        }
        return e.aliases() != null && e.aliases().stream()
                .anyMatch(a -> COUNTRIES.codeOf(a).filter(code::equals).isPresent());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The keys for a name of an entity of the given type (value keys are not derived from names). Dates have none:
     * a pinned date is found by its value, and a phrase such as "Tuesday" means another day in every article.
     */
    public static List<Key> nameKeys(EntityType type, String name) {
        if (type == EntityType.DATE) {
            return List.of();
        }
        String full = type == EntityType.PERSON ? personName(name) : normalize(name);
        if (full.isEmpty()) {
            return List.of();
        }
        Set<Key> keys = new LinkedHashSet<>();
        keys.add(new Key(KeyKind.NAME, full));
        if (type == EntityType.PERSON) {
            List<String> tokens = personTokens(full);
            if (tokens.size() >= 2) {
                keys.add(new Key(KeyKind.NAME, sortedPair(tokens.getFirst(), tokens.getLast())));
                keys.add(new Key(KeyKind.PARTIAL, tokens.getFirst()));
                keys.add(new Key(KeyKind.PARTIAL, tokens.getLast()));
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * True when the name is a single name token of a person ("Austin", "Secretary Austin" reduced by the pipeline to
     * "Austin"): such a name may refer to any person who has that token, so it resolves through partial keys.
     */
    public static boolean isBareName(EntityType type, String name) {
        return type == EntityType.PERSON && personTokens(personName(name)).size() == 1;
    }

    /** The partial key of a bare name. */
    public static String bareKey(String name) {
        return personTokens(personName(name)).getFirst();
    }

    /**
     * The normal form of a person's name: a hyphenated name is one word ("Vasquez-Lund" gives "vasquezlund", a bare
     * surname, not the first and last name "vasquez lund"), and the title words before the name are left out.
     */
    static String personName(String name) {
        if (name == null) {
            return "";
        }
        String joined = HYPHEN_IN_WORD.matcher(name).replaceAll("");
        // a particle at the very start is one only when written lower-case: "van Dijk", not "Van Morrison"
        boolean leadingParticle = !joined.isBlank() && Character.isLowerCase(joined.strip().codePointAt(0));
        return joinParticles(withoutTitles(normalize(joined)), leadingParticle);
    }

    /** "marieke van der dijk" gives "marieke vanderdijk": particles belong to the family name after them. */
    private static String joinParticles(String normalized, boolean leadingParticle) {
        String[] tokens = normalized.split(" ");
        StringBuilder out = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            boolean particle = i < tokens.length - 1 && NameParticles.isParticle(tokens[i])
                    && (i > 0 || leadingParticle);
            if (particle) {
                pending.append(tokens[i]);
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(pending).append(tokens[i]);
            pending.setLength(0);
        }
        return out.toString();
    }

    /**
     * A normalised person name without the title words before it ("secretary austin" gives "austin"); a name that is
     * all titles stays as it is.
     */
    private static String withoutTitles(String normalized) {
        String[] tokens = normalized.split(" ");
        int first = 0;
        while (first < tokens.length - 1) {
            String word = tokens[first];
            int rest = tokens.length - first - 1;
            // a rank without its stop is a title only before two more words: "Gen Nakatani" is a name
            boolean title = TitleWords.isPositionWord(word) || (TitleWords.isRankWord(word) && rest >= 2);
            if (!title) {
                break;
            }
            first++;
        }
        return first == 0 ? normalized : String.join(" ", Arrays.copyOfRange(tokens, first, tokens.length));
    }

    private static List<String> personTokens(String normalized) {
        if (normalized.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(normalized.split(" "))
                .filter(t -> t.length() > 1 && !SUFFIXES.contains(t))
                .toList();
    }

    private static String sortedPair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }
}
