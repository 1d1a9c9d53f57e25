package io.newsgraph.entities.extraction;

import io.newsgraph.entities.extraction.engine.Annotation;
import io.newsgraph.entities.extraction.engine.EngineSpan;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.Sentence;
import io.newsgraph.entities.extraction.engine.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in engine for rule tests: the test writes what the engine would tag as {@code [ORG Defense]} in the text;
 * {@link #plain} gives the text without the marks, which is what the pipeline is then asked to annotate. Tokens are
 * cut the way NLP4J cuts news text (dotted abbreviations whole, "'s" apart), one sentence per line.
 */
public final class MarkedTextEngine implements NerEngine {

    private static final Pattern MARK = Pattern.compile("\\[([A-Z_]+) ([^\\]]+)]");
    private static final Pattern TOKEN = Pattern.compile(
            "https?://\\S+|[@#]\\w+|(?:\\p{L}\\.){2,}|\\p{Lu}\\p{Ll}{0,3}\\.(?=\\s)|['’]s\\b|[\\p{L}\\p{N}][\\p{L}\\p{N}-]*|\\S");
    private static final Map<String, EntityType> TYPES = Map.ofEntries(Map.entry("PERSON", EntityType.PERSON),
            Map.entry("ORG", EntityType.ORGANIZATION), Map.entry("GPE", EntityType.LOCATION),
            Map.entry("LOC", EntityType.LOCATION), Map.entry("NORP", EntityType.NATIONALITY),
            Map.entry("DATE", EntityType.DATE), Map.entry("EVENT", EntityType.EVENT),
            Map.entry("WORK_OF_ART", EntityType.WORK), Map.entry("PRODUCT", EntityType.PRODUCT),
            Map.entry("LAW", EntityType.LAW), Map.entry("LANGUAGE", EntityType.LANGUAGE));

    private final Map<String, List<EngineSpan>> spansByText = new HashMap<>();

    /** Registers a marked text and returns it without marks. */
    public String plain(String marked) {
        StringBuilder plain = new StringBuilder();
        List<EngineSpan> spans = new ArrayList<>();
        Matcher m = MARK.matcher(marked);
        int last = 0;
        while (m.find()) {
            plain.append(marked, last, m.start());
            int start = plain.length();
            plain.append(m.group(2));
            spans.add(new EngineSpan(start, plain.length(), m.group(1), TYPES.get(m.group(1))));
            last = m.end();
        }
        plain.append(marked.substring(last));
        spansByText.put(plain.toString(), spans);
        return plain.toString();
    }

    @Override
    public String name() {
        return "marked-text";
    }

    @Override
    public Annotation annotate(String text) {
        List<EngineSpan> spans = spansByText.getOrDefault(text, List.of());
        List<Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            List<Token> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(line);
            while (m.find()) {
                tokens.add(new Token(lineStart + m.start(), lineStart + m.end(), m.group(), null));
            }
            int start = lineStart;
            int end = lineStart + line.length();
            if (!tokens.isEmpty()) {
                sentences.add(new Sentence(start, end, tokens,
                        spans.stream().filter(s -> s.start() >= start && s.end() <= end).toList()));
            }
            lineStart = end + 1;
        }
        return new Annotation(text, sentences);
    }
}
