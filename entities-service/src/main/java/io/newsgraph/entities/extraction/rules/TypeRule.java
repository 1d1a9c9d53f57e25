package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Corrects the engine's type where the words of a name or the word before it say otherwise, and drops what is no
 * name at all:
 * <ul>
 *   <li>a person's name takes in the particles before it ("van" in "said van Dijk");</li>
 *   <li>a station, airport or street is a place ("Paris Gare de l'Est", "Berlin Hauptbahnhof"), unless an
 *       organisation word says it is the body that runs it ("Port of Rotterdam Authority");</li>
 *   <li>a "person" whose last word is a company word ("Jua Connect", "Kibo Systems"), or right after a word for a
 *       company ("start-up Jua Connect", "insurer Halden Mutual"), is an organisation;</li>
 *   <li>two places joined by a hyphen ("Berlin-Paris service") are two places, when each is named on its own in the
 *       same text or is a country; a hyphenated name of its own ("Baden-Württemberg") is left whole; so is a
 *       "person" or place made of two such places around a spaced dash ("Chiang Mai - Bangkok", a route);</li>
 *   <li>a single capitalised word the same text also writes in lower case ("From Diesel to Sunlight" beside "diesel
 *       generators") is that common word in a heading or at a sentence's start, not a name.</li>
 * </ul>
 * Known names (gazetteer, countries) are left alone.
 */
public final class TypeRule {

    private static final Set<String> FACILITY_WORDS = Set.of("Gare", "Station", "Hauptbahnhof", "Bahnhof", "Airport",
            "Aeroporto", "Aéroport", "Flughafen", "Stazione", "Estación", "Terminal", "Square", "Bridge", "Street",
            "Avenue", "Boulevard", "Plaza", "Platz", "Piazza", "Harbour", "Harbor", "Pier", "Quay", "Stadium");
    private static final Set<String> ORGANISATION_WORDS = Set.of("Authority", "Company", "Corporation", "Group",
            "Ministry", "Agency", "Council", "Board", "Commission", "Operator", "Administration", "Department",
            "Association", "Union", "Inc", "Inc.", "Ltd", "Ltd.", "AG", "SA", "GmbH", "plc", "LLC");
    private static final Set<String> COMPANY_LAST_WORDS = Set.of("Connect", "Systems", "Group", "Labs", "Energy",
            "Solar", "Power", "Solutions", "Technologies", "Technology", "Tech", "Networks", "Network", "Capital",
            "Partners", "Holdings", "Media", "Bank", "Airlines", "Airways", "Motors", "Foods", "Pharma",
            "Pharmaceuticals", "Logistics", "Ventures", "Telecom", "Mobile", "Digital", "Corp", "Corp.", "Inc",
            "Inc.", "Ltd", "Ltd.", "LLC", "AG", "GmbH", "plc", "Rail", "Railways", "Shipping", "Foundation",
            "Institute", "Trust", "Fund", "Association", "Union", "Society", "Mutual", "Insurance", "Industries",
            "Robotics", "Analytics", "Software", "Electric", "Studios", "Entertainment", "Consulting");
    private static final Set<String> COMPANY_NOUNS = Set.of("start-up", "startup", "company", "firm", "operator",
            "insurer", "lender", "carrier", "retailer", "manufacturer", "maker", "developer", "provider", "supplier",
            "conglomerate", "chain", "brand", "airline", "bank", "broadcaster", "publisher", "utility", "charity",
            "nonprofit", "non-profit", "group", "outlet", "newspaper", "agency", "ngo", "app", "platform");
    private static final Pattern HYPHEN_PAIR = Pattern.compile("(\\p{Lu}[\\p{L}.']+)[-–](\\p{Lu}[\\p{L}.']+)");
    /** A route written with a spaced dash, each side one or more capitalised words ("Chiang Mai - Bangkok"). */
    private static final Pattern SPACED_PAIR = Pattern.compile(
            "(\\p{Lu}[\\p{L}.']+(?: \\p{Lu}[\\p{L}.']+)*) [-–—] (\\p{Lu}[\\p{L}.']+(?: \\p{Lu}[\\p{L}.']+)*)");

    private final Countries countries;
    private final Gazetteer gazetteer;

    public TypeRule(Countries countries, Gazetteer gazetteer) {
        this.countries = countries;
        this.gazetteer = gazetteer;
    }

    public void apply(TextView view, List<Candidate> candidates) {
        String text = view.text();
        List<Candidate> added = new ArrayList<>();
        candidates.removeIf(c -> {
            if (c.source != Candidate.Source.ENGINE || c.type == EntityType.DATE) {
                return false;
            }
            String name = c.text(text);
            if (gazetteer.lookup(name).isPresent() || countries.codeOf(name).isPresent()) {
                return false;
            }
            if (c.type == EntityType.PERSON) {
                takeInParticles(view, c);
                name = c.text(text);
            }
            List<String> words = List.of(name.split("\\s+"));
            if (isCommonWord(view, c, name, words)) {
                return true;
            }
            if ((c.type == EntityType.ORGANIZATION || c.type == EntityType.PERSON)
                    && words.stream().anyMatch(FACILITY_WORDS::contains)
                    && words.stream().noneMatch(ORGANISATION_WORDS::contains)) {
                c.type = EntityType.LOCATION;
            } else if (c.type == EntityType.PERSON && words.size() >= 2
                    && (COMPANY_LAST_WORDS.contains(words.getLast()) || afterCompanyNoun(view, c))) {
                c.type = EntityType.ORGANIZATION;
            }
            if (c.type == EntityType.LOCATION || c.type == EntityType.PERSON) {
                // no person's name has a spaced dash in it: the engine took a route between two places for a name
                var pair = c.type == EntityType.LOCATION && HYPHEN_PAIR.matcher(name).matches()
                        ? HYPHEN_PAIR.matcher(name) : SPACED_PAIR.matcher(name);
                if (pair.matches() && standsAlone(text, pair.group(1), c) && standsAlone(text, pair.group(2), c)) {
                    Candidate first = new Candidate(c.start, c.start + pair.end(1), EntityType.LOCATION,
                            Candidate.Source.ENGINE, c.engineLabel);
                    Candidate second = new Candidate(c.start + pair.start(2), c.end, EntityType.LOCATION,
                            Candidate.Source.ENGINE, c.engineLabel);
                    added.add(first);
                    added.add(second);
                    return true;
                }
            }
            return false;
        });
        candidates.addAll(added);
    }

    private static void takeInParticles(TextView view, Candidate c) {
        int first = view.tokenStartingAt(c.start);
        while (first > 0 && view.sameSentence(first - 1, first) && NameParticles.isParticle(view.token(first - 1).text())
                && Character.isLowerCase(view.token(first - 1).text().charAt(0))
                && view.onlySpaceBetween(view.token(first - 1).end(), c.start)) {
            first--;
            c.start = view.token(first).start();
        }
    }

    private boolean afterCompanyNoun(TextView view, Candidate c) {
        int first = view.tokenStartingAt(c.start);
        if (first < 1 || !view.sameSentence(first - 1, first)) {
            return false;
        }
        String before = view.token(first - 1).text().toLowerCase(Locale.ROOT);
        if (first >= 3 && before.equals("up") && view.token(first - 2).text().equals("-")) {
            before = view.token(first - 3).text().toLowerCase(Locale.ROOT) + "-up";
        }
        return COMPANY_NOUNS.contains(before);
    }

    /** A part of a hyphenated pair that is a country or written on its own elsewhere in the text. */
    private boolean standsAlone(String text, String part, Candidate pair) {
        if (countries.codeOf(part).isPresent()) {
            return true;
        }
        Pattern alone = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(part) + "(?![\\p{L}-])");
        var m = alone.matcher(text);
        while (m.find()) {
            if (m.start() < pair.start || m.start() >= pair.end) {
                return true;
            }
        }
        return false;
    }

    /**
     * One capitalised word in a heading or at a sentence's start that the text also writes in lower case: the
     * engine took a common word for a name.
     */
    private boolean isCommonWord(TextView view, Candidate c, String name, List<String> words) {
        if (words.size() != 1 || c.type == EntityType.PERSON || name.length() < 3
                || !Character.isUpperCase(name.codePointAt(0)) || name.chars().skip(1).anyMatch(Character::isUpperCase)) {
            return false;
        }
        int first = view.tokenStartingAt(c.start);
        if (first < 0 || !(view.atSentenceStart(first) || inHeading(view.text(), c.start))) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(lower) + "(?![\\p{L}-])").matcher(view.text()).find();
    }

    /** The line around {@code offset} reads as a heading: short, no closing stop, most words capitalised. */
    private static boolean inHeading(String text, int offset) {
        int from = text.lastIndexOf('\n', offset) + 1;
        int to = text.indexOf('\n', offset);
        String line = text.substring(from, to < 0 ? text.length() : to).strip();
        if (line.isEmpty() || line.length() > 100 || line.endsWith(".")) {
            return false;
        }
        String[] lineWords = line.split("\\s+");
        long capitalised = java.util.Arrays.stream(lineWords)
                .filter(w -> !w.isEmpty() && Character.isUpperCase(w.codePointAt(0))).count();
        long longWords = java.util.Arrays.stream(lineWords).filter(w -> w.length() > 3).count();
        return capitalised * 2 >= longWords + 1 && lineWords.length <= 14;
    }
}
