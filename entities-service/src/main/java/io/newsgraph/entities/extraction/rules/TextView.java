package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.engine.Annotation;
import io.newsgraph.entities.extraction.engine.EngineSpan;
import io.newsgraph.entities.extraction.engine.Sentence;
import io.newsgraph.entities.extraction.engine.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One field's text with its tokens and sentence boundaries, and look-ups the rules share. */
public final class TextView {

    private final String text;
    private final List<Token> tokens;
    private final int[] starts;
    private final int[] ends;
    private final int[] sentenceOf;
    private final List<EngineSpan> otherNames;

    /**
     * Engine labels for names of kinds that no gap-filling rule looks inside: titles of works, products, laws,
     * languages (our WORK, PRODUCT, LAW, LANGUAGE, kept as the engine found them).
     */
    private static final java.util.Set<String> OTHER_NAME_LABELS = java.util.Set.of("WORK_OF_ART", "PRODUCT", "LAW",
            "LANGUAGE");

    public TextView(Annotation annotation) {
        this.text = annotation.text();
        List<Token> all = new ArrayList<>();
        List<Integer> sentence = new ArrayList<>();
        int index = 0;
        for (Sentence s : annotation.sentences()) {
            for (Token t : s.tokens()) {
                all.add(t);
                sentence.add(index);
            }
            index++;
        }
        this.tokens = List.copyOf(all);
        this.starts = all.stream().mapToInt(Token::start).toArray();
        this.ends = all.stream().mapToInt(Token::end).toArray();
        this.sentenceOf = sentence.stream().mapToInt(Integer::intValue).toArray();
        this.otherNames = annotation.spans().stream()
                .filter(s -> OTHER_NAME_LABELS.contains(s.label()))
                .toList();
    }

    /**
     * True when the range overlaps a name the engine found that is a work, product, law or language ("American
     * Beauty", a film):
     * rules that fill gaps leave those alone instead of finding "American" in it.
     */
    public boolean insideOtherName(int start, int end) {
        for (EngineSpan s : otherNames) {
            if (s.start() < end && start < s.end()) {
                return true;
            }
        }
        return false;
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    /** Index of the token starting exactly at {@code offset}, or -1. */
    public int tokenStartingAt(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -1;
    }

    /** Index of the token ending exactly at {@code offset}, or -1. */
    public int tokenEndingAt(int offset) {
        int i = Arrays.binarySearch(ends, offset);
        return i >= 0 ? i : -1;
    }

    /** Index of the first token that starts at or after {@code offset}; {@link #size()} when none. */
    public int firstTokenFrom(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last token that ends at or before {@code offset}; -1 when none. */
    public int lastTokenUpTo(int offset) {
        int i = Arrays.binarySearch(ends, offset);
        return i >= 0 ? i : -i - 2;
    }

    public boolean sameSentence(int a, int b) {
        return a >= 0 && b >= 0 && a < size() && b < size() && sentenceOf[a] == sentenceOf[b];
    }

    /** True when every token before {@code i} in its sentence is punctuation (bullets, dashes, quotes). */
    public boolean atSentenceStart(int i) {
        for (int j = i - 1; j >= 0 && sentenceOf[j] == sentenceOf[i]; j--) {
            if (isWordLike(tokens.get(j).text())) {
                return false;
            }
        }
        return true;
    }

    /** True when the text between two offsets is only spaces. */
    public boolean onlySpaceBetween(int from, int to) {
        if (from > to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\n') {
                return false;
            }
        }
        return true;
    }

    public static boolean isWordLike(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
