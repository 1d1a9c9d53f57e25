package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Role;
import io.newsgraph.entities.extraction.engine.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits titles, ranks and positions from names and keeps them as roles.
 *
 * <ul>
 *   <li>before a name: "Secretary of Defense Lloyd J. Austin III", "Japan's Minister of Defense, Nakatani Gen"
 *       (the possessive country becomes the role's country), "Adm. Samuel J. Paparo";</li>
 *   <li>after a name, as an apposition: "Samuel J. Paparo, commander of U.S. Indo-Pacific Command" (the organisation
 *       named after "of" becomes the role's organisation);</li>
 *   <li>a capitalised title followed by capitalised words nobody tagged makes those words a person
 *       ("Minister of Defense, Nakatani Gen."), and words of a title the engine took for an organisation
 *       ("Defense" in "Secretary of Defense") stop being one.</li>
 * </ul>
 * A rank written without a stop ("Gen") counts as one only before at least two more name words, so the given name
 * in "Gen Nakatani" stays part of the name.
 */
public final class TitleRule {

    private static final Set<String> PHRASE_JOINERS = Set.of("of", "the", "for", "and");
    private static final Set<String> APPOSITION_OPENERS = Set.of("the", "a", "an", "his", "her", "its", "their");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "As", "He", "She", "It",
            "They", "We", "I", "And", "But", "Or", "Of", "To", "For", "With", "By", "From", "This", "That", "His",
            "Her", "Its", "Their", "Our", "Who", "Which", "Also", "After", "Before", "While", "When");

    private final Countries countries;

    public TitleRule(Countries countries) {
        this.countries = countries;
    }

    public void apply(TextView view, List<Candidate> candidates) {
        dropTitleFragments(view, candidates);
        namesAfterUntaggedTitles(view, candidates);
        for (Candidate person : List.copyOf(candidates)) {
            if (person.type == EntityType.PERSON && candidates.contains(person)) {
                titleBefore(view, candidates, person);
                titleAfter(view, candidates, person);
            }
        }
    }

    // ---- titles before a name ----

    private void titleBefore(TextView view, List<Candidate> candidates, Candidate person) {
        int first = view.tokenStartingAt(person.start);
        int last = view.tokenEndingAt(person.end);
        if (first < 0 || last < first) {
            return;
        }
        // title words inside the span: "Adm. Samuel J. Paparo" tagged as one person
        int nameStart = first;
        while (nameStart < last && isTitleToken(view, nameStart, last)) {
            nameStart++;
        }
        while (nameStart > first && isJoiner(view.token(nameStart - 1).text())) {
            nameStart--; // a title never ends with "of"
        }
        // title words before the span, across one comma
        int left = first - 1;
        if (left >= 0 && view.token(left).text().equals(",") && nameStart == first) {
            left--;
        }
        int phraseStart = left + 1;
        while (phraseStart - 1 >= 0 && view.sameSentence(phraseStart - 1, first)
                && isLeftTitleToken(view, candidates, phraseStart - 1, person)) {
            phraseStart--;
        }
        while (phraseStart <= left && isJoiner(view.token(phraseStart).text())) {
            phraseStart++;
        }
        List<Integer> phrase = new ArrayList<>();
        for (int i = phraseStart; i <= left; i++) {
            phrase.add(i);
        }
        for (int i = first; i < nameStart; i++) {
            phrase.add(i);
        }
        if (phrase.isEmpty() || phrase.stream().noneMatch(i -> isAnchor(view, i, last))) {
            return;
        }
        if (nameStart > first) {
            person.start = view.token(nameStart).start();
        }
        String title = titleText(view, phrase);
        String country = phraseStart <= left ? countryBefore(view, candidates, phraseStart) : null;
        if (phraseStart <= left) {
            int from = view.token(phraseStart).start();
            int to = view.token(left).end();
            candidates.removeIf(c -> c != person && !c.isLocked() && c.start >= from && c.end <= to
                    && c.type != EntityType.DATE);
        }
        addRole(person, new Role(title, null, country));
    }

    private boolean isLeftTitleToken(TextView view, List<Candidate> candidates, int i, Candidate person) {
        String text = view.token(i).text();
        if (!(TitleWords.isTitleWord(text) || isJoiner(text))) {
            return false;
        }
        // a word inside another entity belongs to it, unless that entity is only title words ("Defense")
        Candidate covering = covering(candidates, view.token(i));
        return covering == null || covering == person || onlyTitleWords(view, covering);
    }

    private boolean isTitleToken(TextView view, int i, int last) {
        String text = view.token(i).text();
        if (TitleWords.isBareRank(text)) {
            return last - i >= 2; // "Gen Mark Milley", not "Gen Nakatani"
        }
        return TitleWords.isHead(text) || TitleWords.isDottedRank(text) || TitleWords.isModifier(text)
                || (isJoiner(text) && i > 0 && TitleWords.isTitleWord(view.token(i - 1).text()));
    }

    private static boolean isAnchor(TextView view, int i, int nameEnd) {
        String text = view.token(i).text();
        return TitleWords.isHead(text) || TitleWords.isDottedRank(text)
                || (TitleWords.isBareRank(text) && nameEnd - i >= 2);
    }

    private String countryBefore(TextView view, List<Candidate> candidates, int phraseStart) {
        int i = phraseStart - 1;
        if (i >= 0 && isPossessive(view.token(i).text())) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        int end = view.token(i).end();
        for (Candidate c : candidates) {
            if (c.end == end || (c.end < end && view.onlySpaceBetween(c.end, view.token(i).start())
                    && isPossessive(view.token(i).text()))) {
                if (c.type == EntityType.LOCATION || c.type == EntityType.NATIONALITY) {
                    String name = c.text(view.text());
                    return countries.codeOf(name).or(() -> countries.codeOfDemonym(name)).orElse(null);
                }
            }
        }
        return null;
    }

    // ---- titles after a name ----

    private void titleAfter(TextView view, List<Candidate> candidates, Candidate person) {
        int last = view.tokenEndingAt(person.end);
        if (last < 0 || last + 2 >= view.size() || !view.token(last + 1).text().equals(",")) {
            return;
        }
        int i = last + 2;
        if (APPOSITION_OPENERS.contains(view.token(i).text())) {
            i++;
        }
        int phraseStart = i;
        List<Integer> phrase = new ArrayList<>();
        while (i < view.size() && view.sameSentence(i, last) && phrase.size() < 6) {
            String text = view.token(i).text();
            if (TitleWords.isTitleWord(text) && covering(candidates, view.token(i)) == null) {
                phrase.add(i++);
            } else if (!phrase.isEmpty() && isJoiner(text) && i + 1 < view.size() && view.sameSentence(i + 1, last)
                    && TitleWords.isTitleWord(view.token(i + 1).text())
                    && covering(candidates, view.token(i + 1)) == null) {
                // "Secretary of Defense": a joiner between title words is part of the title
                phrase.add(i++);
            } else {
                break;
            }
        }
        if (phrase.isEmpty() || phrase.stream().noneMatch(j -> TitleWords.isHead(view.token(j).text()))) {
            return;
        }
        String organisation = null;
        String country = null;
        if (i + 1 < view.size() && Set.of("of", "at", "for").contains(view.token(i).text())) {
            int orgToken = i + 1;
            if (view.token(orgToken).text().equals("the") && orgToken + 1 < view.size()) {
                orgToken++;
            }
            Candidate org = startingAt(candidates, view.token(orgToken).start());
            if (org != null && org.type == EntityType.ORGANIZATION) {
                organisation = org.text(view.text());
                country = leadingCountry(organisation);
            } else if (org != null && org.type == EntityType.LOCATION) {
                country = countries.codeOf(org.text(view.text())).orElse(null);
            }
        }
        if (phraseStart != last + 2 && phraseStart != last + 3) {
            return;
        }
        addRole(person, new Role(titleText(view, phrase), organisation, country));
    }

    private String leadingCountry(String organisation) {
        String[] words = organisation.split(" ");
        for (int n = Math.min(3, words.length - 1); n >= 1; n--) {
            String head = String.join(" ", java.util.Arrays.copyOf(words, n));
            var code = countries.codeOf(head).or(() -> countries.codeOfDemonym(head));
            if (code.isPresent()) {
                return code.get();
            }
        }
        return null;
    }

    // ---- names nobody tagged, after a capitalised title ----

    private void namesAfterUntaggedTitles(TextView view, List<Candidate> candidates) {
        for (int i = 0; i < view.size(); i++) {
            if (!TitleWords.isHead(view.token(i).text()) && !TitleWords.isDottedRank(view.token(i).text())) {
                continue;
            }
            if (!view.token(i).isCapitalized()) {
                continue;
            }
            // extend the title over "of Defense", "of the Navy"
            int end = i;
            while (end + 1 < view.size() && view.sameSentence(end + 1, i)) {
                String next = view.token(end + 1).text();
                boolean joinerThenTitle = isJoiner(next) && end + 2 < view.size()
                        && TitleWords.isModifier(view.token(end + 2).text())
                        && view.token(end + 2).isCapitalized();
                if (joinerThenTitle) {
                    end += 2;
                } else if (TitleWords.isModifier(next) && view.token(end + 1).isCapitalized()) {
                    // "Chief Executive", "Secretary General": the name starts after every title word
                    end++;
                } else {
                    break;
                }
            }
            int nameStart = end + 1;
            if (nameStart < view.size() && view.token(nameStart).text().equals(",")) {
                nameStart++;
            }
            int nameEnd = nameStart;
            while (nameEnd < view.size() && view.sameSentence(nameEnd, i) && nameEnd - nameStart < 4
                    && isNameToken(view, nameEnd)) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                continue;
            }
            int from = view.token(nameStart).start();
            int to = view.token(nameEnd - 1).end();
            Candidate straddling = null;
            boolean covered = false;
            for (Candidate c : candidates) {
                if (c.overlaps(from, to)) {
                    covered = true;
                    if (c.start < from && c.start > view.token(i).end() && c.end == to
                            && c.type != EntityType.PERSON && !c.isLocked()) {
                        straddling = c;
                    }
                }
            }
            if (straddling != null) {
                // "Minister of [Defense Nakatani Gen]" tagged as one organisation: the title's words leave it
                straddling.start = from;
                straddling.type = EntityType.PERSON;
            } else if (!covered && !view.insideOtherName(from, to)) {
                candidates.add(new Candidate(from, to, EntityType.PERSON, Candidate.Source.TITLE_RULE));
            }
        }
    }

    private boolean isNameToken(TextView view, int i) {
        Token t = view.token(i);
        String text = t.text();
        if (!t.isCapitalized() || NOT_NAMES.contains(text) || countries.isDemonym(text)
                || countries.codeOf(text).isPresent()) {
            return false;
        }
        if (TitleWords.isDottedRank(text)) {
            // "Nakatani Gen." at a sentence's end: the stop ends the sentence, "Gen" is the name (the tokenizer
            // may not have split the sentence there: "Nakatani Gen. The conversation ...")
            return i > 0 && (i + 1 == view.size() || !view.sameSentence(i, i + 1)
                    || NOT_NAMES.contains(view.token(i + 1).text()));
        }
        return !TitleWords.isHead(text) && !TitleWords.isModifier(text) && TextView.isWordLike(text);
    }

    /**
     * Engine spans made only of title words ("Defense" in "Defense Minister", "Regional Security" in a heading) name
     * no organisation; standing bodies ("Navy", "Senate") and known names are kept.
     */
    private void dropTitleFragments(TextView view, List<Candidate> candidates) {
        candidates.removeIf(c -> c.source == Candidate.Source.ENGINE
                && (c.type == EntityType.ORGANIZATION || c.type == EntityType.LOCATION || c.type == EntityType.EVENT)
                && !STANDING_BODIES.contains(c.text(view.text()))
                && onlyTitleWords(view, c));
    }

    private static final Set<String> STANDING_BODIES = Set.of("Army", "Navy", "Air Force", "Marines", "Marine Corps",
            "Senate", "Congress", "Cabinet", "Coast Guard", "Space Force", "National Guard", "Joint Staff", "Labor", "Labour",
            "Crown", "State", "Treasury", "Interior");

    // ---- helpers ----

    private boolean onlyTitleWords(TextView view, Candidate c) {
        int a = view.tokenStartingAt(c.start);
        int b = view.tokenEndingAt(c.end);
        if (a < 0 || b < a) {
            return false;
        }
        for (int i = a; i <= b; i++) {
            String text = view.token(i).text();
            if (!TitleWords.isTitleWord(text) && !isJoiner(text)) {
                return false;
            }
        }
        return true;
    }

    private static Candidate covering(List<Candidate> candidates, Token token) {
        for (Candidate c : candidates) {
            if (c.overlaps(token.start(), token.end())) {
                return c;
            }
        }
        return null;
    }

    private static Candidate startingAt(List<Candidate> candidates, int offset) {
        return candidates.stream().filter(c -> c.start == offset).max(Comparator.comparingInt(c -> c.end))
                .orElse(null);
    }

    private static boolean isJoiner(String token) {
        return PHRASE_JOINERS.contains(token);
    }

    private static boolean isPossessive(String token) {
        return token.equals("'s") || token.equals("’s") || token.equals("'") || token.equals("’");
    }

    private static String titleText(TextView view, List<Integer> phrase) {
        List<Integer> kept = new ArrayList<>(phrase);
        while (!kept.isEmpty() && (TitleWords.TRANSIENT.contains(TitleWords.bare(view.token(kept.getFirst()).text()))
                || isJoiner(view.token(kept.getFirst()).text()))) {
            kept.removeFirst();
        }
        while (!kept.isEmpty() && isJoiner(view.token(kept.getLast()).text())) {
            kept.removeLast();
        }
        if (kept.isEmpty()) {
            kept = phrase;
        }
        String text = view.text();
        return text.substring(view.token(kept.getFirst()).start(), view.token(kept.getLast()).end())
                .replaceAll("\\s*,\\s*$", "").strip();
    }

    static void addRole(Candidate person, Role role) {
        String key = roleKey(role.title());
        for (int i = 0; i < person.roles.size(); i++) {
            Role existing = person.roles.get(i);
            if (roleKey(existing.title()).equals(key)) {
                person.roles.set(i, new Role(existing.title(),
                        existing.organization() != null ? existing.organization() : role.organization(),
                        existing.countryCode() != null ? existing.countryCode() : role.countryCode()));
                return;
            }
        }
        person.roles.add(role);
    }

    /** "Minister of Defense" and "Defense Minister" are one role. */
    static String roleKey(String title) {
        return java.util.Arrays.stream(title.toLowerCase().split("[\\s.]+"))
                .filter(w -> !w.isEmpty() && !PHRASE_JOINERS.contains(w))
                .sorted()
                .collect(Collectors.joining(" "));
    }
}
