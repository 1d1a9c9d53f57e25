package io.newsgraph.entities.extraction.rules;

import java.util.Locale;
import java.util.Set;

/** The words titles, ranks and positions are made of ("Secretary of Defense", "Adm.", "Defense Minister"). */
public final class TitleWords {

    /** Position nouns: a title phrase needs one of these or a rank. */
    private static final Set<String> HEADS = Set.of("secretary", "minister", "president", "premier", "chancellor",
            "king", "queen", "prince", "princess", "emperor", "empress", "pope", "governor", "mayor", "senator",
            "congressman", "congresswoman", "representative", "ambassador", "envoy", "spokesman", "spokeswoman",
            "spokesperson", "chairman", "chairwoman", "chairperson", "commander", "director", "chief", "leader",
            "general", "admiral", "colonel", "lieutenant", "captain", "sergeant", "commissioner", "judge", "ceo",
            "founder", "professor", "secretary-general", "undersecretary", "adviser", "advisor", "coordinator",
            "deputy", "vice-president", "vice-chairman", "head", "commandant", "marshal", "sheikh", "ayatollah",
            "cardinal", "bishop", "archbishop", "rabbi", "imam", "sultan", "emir", "crown", "treasurer", "attorney",
            "justice", "lawmaker", "legislator", "diplomat", "officer", "official", "counselor", "councillor",
            "inspector", "superintendent", "sheriff", "chair");

    /** Abbreviated ranks and honorifics; with a full stop they are always titles. */
    private static final Set<String> RANKS = Set.of("adm", "gen", "lt", "col", "maj", "capt", "sgt", "cmdr", "cdr",
            "brig", "cpl", "pvt", "sen", "rep", "gov", "pres", "dr", "mr", "mrs", "ms", "prof", "rev", "hon", "amb",
            "supt", "insp", "gens", "lt.-gen", "maj.-gen", "sir", "dame", "lord", "lady", "mx");

    /** Words that qualify a position: "Deputy Prime Minister", "Defense Minister", "Rear Adm.". */
    private static final Set<String> MODIFIERS = Set.of("new", "former", "acting", "deputy", "vice", "prime", "chief",
            "senior", "assistant", "under", "lieutenant", "rear", "brigadier", "major", "first", "second", "executive",
            "general", "supreme", "interim", "incoming", "outgoing", "then", "top", "joint", "principal", "permanent",
            "foreign", "defense", "defence", "state", "interior", "finance", "economy", "economic", "trade", "health",
            "justice", "home", "education", "energy", "environment", "transport", "transportation", "commerce",
            "labor", "labour", "agriculture", "treasury", "army", "navy", "naval", "marine", "air", "force",
            "military", "staff", "cabinet", "national", "security", "intelligence", "homeland", "affairs",
            "foreign-affairs", "industry", "culture", "science", "technology", "digital", "veterans", "housing",
            "development", "internal", "external", "public", "chiefs", "operations", "fleet", "forces", "strategic", "regional",
            "space", "cyber", "policy", "press");

    /** Words that only qualify in time and are left out of the role's title. */
    static final Set<String> TRANSIENT = Set.of("new", "incoming", "then");

    private TitleWords() {
    }

    static String bare(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    static boolean isHead(String token) {
        return HEADS.contains(bare(token)) && !token.endsWith(".");
    }

    /**
     * True for a title made only of ranks and honorifics ("Adm.", "Rear Adm.", "Dr.", "Mr."): it says how to address
     * a person, not what position they hold.
     */
    public static boolean isRankOnly(String title) {
        String[] words = title.strip().split("\\s+");
        boolean rank = false;
        for (String w : words) {
            if (isDottedRank(w) || isBareRank(w)) {
                rank = true;
            } else if (!isModifier(w)) {
                return false;
            }
        }
        return rank;
    }

    /** A rank abbreviation written with a full stop ("Adm.", "Lt."), or a bare honorific ("Sir"). */
    static boolean isDottedRank(String token) {
        String b = bare(token);
        return RANKS.contains(b) && (token.endsWith(".") || Set.of("sir", "dame", "lord", "lady").contains(b));
    }

    /** A rank abbreviation without a stop ("Gen", "Adm"): a title only before a full name. */
    static boolean isBareRank(String token) {
        return !token.endsWith(".") && RANKS.contains(bare(token)) && Character.isUpperCase(token.charAt(0));
    }

    static boolean isModifier(String token) {
        return MODIFIERS.contains(bare(token));
    }

    static boolean isTitleWord(String token) {
        return isHead(token) || isDottedRank(token) || isModifier(token);
    }

    /**
     * True for a lower-case word that can open a person's titled name ("governor", "finance"): resolution reads
     * "Governor Leopold Abernethy" as "Leopold Abernethy".
     */
    public static boolean isPositionWord(String word) {
        return HEADS.contains(word) || MODIFIERS.contains(word);
    }

    /** True for a lower-case rank or honorific without its full stop ("adm", "gen", "dr"). */
    public static boolean isRankWord(String word) {
        return RANKS.contains(word);
    }
}
