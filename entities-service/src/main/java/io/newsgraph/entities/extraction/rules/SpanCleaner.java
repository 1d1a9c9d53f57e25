package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.List;
import java.util.Set;

/**
 * Cuts what does not belong to a name from the edges of a span: possessive "'s", leading determiners, surrounding
 * punctuation, a sentence's full stop glued to a last word ("Nakatani Gen.").
 *
 * <p>A capitalised "The" stays when it opens a name mid-sentence ("band The Mad Capsule Markets") or a
 * publication's name ("The Japan Times"); at the start of a sentence it is just the article. The title of a work
 * keeps the article the engine found with it ("The Godfather", "the Twilight Zone").
 */
public final class SpanCleaner {

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> PUBLICATION_HEADS = Set.of("Times", "Post", "Journal", "Herald", "Guardian",
            "Economist", "Telegraph", "Independent", "Observer", "Tribune", "Chronicle", "Gazette", "Diplomat",
            "Atlantic", "Hill", "Intercept", "Globe", "Star", "Sun", "Mirror", "Express", "Review", "Standard");
    private static final String EDGE_PUNCTUATION = ",;:!?\"'“”‘’()[]{}—–-*•·|/";
    /**
     * Words whose full stop is part of them, so it stays at the end of a span. Ranks ("Gen.") are not here: a name
     * never ends with one, so "Nakatani Gen." at a sentence's end is the name "Nakatani Gen".
     */
    private static final Set<String> ABBREVIATIONS = Set.of("Jr.", "Sr.", "Inc.", "Co.", "Corp.", "Ltd.", "Bros.",
            "St.", "Dept.", "Univ.", "Assn.", "Intl.", "Ave.", "Blvd.");

    public void apply(TextView view, List<Candidate> candidates) {
        candidates.removeIf(c -> {
            if (!c.isLocked() && c.type != EntityType.DATE) {
                clean(c, view);
            }
            return c.isEmpty() || !TextView.isWordLike(c.text(view.text()));
        });
    }

    void clean(Candidate c, TextView view) {
        String text = view.text();
        boolean changed = true;
        while (changed && !c.isEmpty()) {
            changed = trimPunctuation(c, text);
            changed |= stripPossessive(c, text);
            changed |= stripDeterminer(c, view);
            changed |= stripFullStop(c, text);
        }
    }

    static boolean trimPunctuation(Candidate c, String text) {
        boolean changed = false;
        // a name starts with a letter or digit: bullets, quotes, emoji before it are not part of it
        while (c.start < c.end && !Character.isLetterOrDigit(text.codePointAt(c.start))) {
            c.start += Character.charCount(text.codePointAt(c.start));
            changed = true;
        }
        while (c.end > c.start && (Character.isWhitespace(text.charAt(c.end - 1))
                || EDGE_PUNCTUATION.indexOf(text.charAt(c.end - 1)) >= 0 || isSymbol(text.codePointBefore(c.end)))) {
            // keep a closing bracket or quote that has its opening partner inside the span
            char last = text.charAt(c.end - 1);
            if (last == ')' && text.substring(c.start, c.end - 1).indexOf('(') >= 0) {
                break;
            }
            c.end -= Character.charCount(text.codePointBefore(c.end));
            changed = true;
        }
        return changed;
    }

    /** Emoji, pictographs and their joiners and modifiers, and other symbols. */
    private static boolean isSymbol(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL || type == Character.MODIFIER_SYMBOL
                || type == Character.FORMAT || type == Character.NON_SPACING_MARK && codePoint >= 0xFE00
                || type == Character.SURROGATE || type == Character.PRIVATE_USE;
    }

    private static boolean stripPossessive(Candidate c, String text) {
        String span = text.substring(c.start, c.end);
        for (String suffix : List.of("'s", "’s", "'S", "’S")) {
            if (span.length() > suffix.length() && span.endsWith(suffix)) {
                c.end -= suffix.length();
                return true;
            }
        }
        // plural possessive "the Allies'" is cut by trimPunctuation
        return false;
    }

    private static boolean stripDeterminer(Candidate c, TextView view) {
        String text = view.text();
        int space = indexOfSpace(text, c.start, c.end);
        if (space < 0) {
            return false;
        }
        String first = text.substring(c.start, space);
        if (!DETERMINERS.contains(first.toLowerCase())) {
            return false;
        }
        if (first.equals("The") && keepsCapitalisedThe(c, view, space)) {
            return false;
        }
        if (c.type == EntityType.WORK && ARTICLES.contains(first.toLowerCase())) {
            return false; // a title's article is part of it: "The Godfather", "the Twilight Zone"
        }
        c.start = space + 1;
        while (c.start < c.end && Character.isWhitespace(text.charAt(c.start))) {
            c.start++;
        }
        return true;
    }

    private static boolean keepsCapitalisedThe(Candidate c, TextView view, int space) {
        String text = view.text();
        String rest = text.substring(space + 1, c.end);
        String last = rest.substring(rest.lastIndexOf(' ') + 1);
        if (c.type == EntityType.ORGANIZATION && PUBLICATION_HEADS.contains(last)) {
            return true;
        }
        int token = view.tokenStartingAt(c.start);
        return token >= 0 && !view.atSentenceStart(token)
                && (c.type == EntityType.ORGANIZATION || c.type == EntityType.EVENT);
    }

    private static boolean stripFullStop(Candidate c, String text) {
        if (c.end - c.start < 2 || text.charAt(c.end - 1) != '.') {
            return false;
        }
        int wordStart = c.end - 1;
        while (wordStart > c.start && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, c.end);
        // initials ("J."), dotted abbreviations ("U.S."), known abbreviations keep their stop
        if (word.length() <= 2 || word.indexOf('.') < word.length() - 1 || ABBREVIATIONS.contains(word)) {
            return false;
        }
        c.end--;
        return true;
    }

    private static int indexOfSpace(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ' ') {
                return i;
            }
        }
        return -1;
    }
}
