package io.newsgraph.entities.support;

import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.ExtractionPipeline;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.extraction.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pipeline with a script instead of a model, so that storage, resolution and GraphQL are tested on input the test
 * controls. Each scripted entity lists its surface forms; the pipeline finds them (whole words, longest first, no
 * overlaps) in title and body and reports, like the real pipeline, the longest form found as the entity's name and
 * the others as aliases. Salience: share of the article's mentions, plus 0.25 when the title mentions it.
 */
@Alternative
@ApplicationScoped
public class ScriptedPipeline implements ExtractionPipeline {

    /** One scripted entity. */
    public record Script(EntityType type, String normalized, String countryCode, List<Role> roles, List<String> surfaces) {
    }

    private static final List<Script> SCRIPTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static volatile boolean poisoned;

    public static void reset() {
        SCRIPTS.clear();
        poisoned = false;
    }

    /**
     * Makes every result end with an entity that has no name: it passes the checks made before the transaction but
     * the database refuses it in the middle of storing, which shows whether a failed store leaves anything behind.
     */
    public static void poison() {
        poisoned = true;
    }

    public static void define(EntityType type, String... surfaces) {
        SCRIPTS.add(new Script(type, null, null, List.of(), List.of(surfaces)));
    }

    public static void define(Script script) {
        SCRIPTS.add(script);
    }

    /** How often {@link #extract} ran: lets tests see that a repeated delivery was not extracted again. */
    public static int calls() {
        return CALLS.get();
    }

    private record Hit(Script script, Mention.Field field, int start, int end, String text) {
    }

    @Override
    public ExtractionResult extract(ArticleText article) {
        CALLS.incrementAndGet();
        List<Hit> hits = new ArrayList<>();
        find(article.title(), Mention.Field.TITLE, hits);
        find(article.body(), Mention.Field.BODY, hits);
        List<ExtractedEntity> out = new ArrayList<>();
        for (Script s : SCRIPTS) {
            List<Hit> mine = hits.stream().filter(h -> h.script() == s)
                    .sorted(Comparator.comparing((Hit h) -> h.field() == Mention.Field.BODY).thenComparingInt(Hit::start))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            Set<String> forms = new LinkedHashSet<>();
            mine.forEach(h -> forms.add(h.text()));
            String name = forms.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
            List<String> aliases = forms.stream().filter(f -> !f.equals(name)).toList();
            boolean inTitle = mine.stream().anyMatch(h -> h.field() == Mention.Field.TITLE);
            double salience = Math.min(1.0, (double) mine.size() / hits.size() + (inTitle ? 0.25 : 0));
            out.add(new ExtractedEntity(s.type(), name, s.normalized(), s.countryCode(), aliases, s.roles(),
                    mine.stream().map(h -> new Mention(h.field(), h.start(), h.end(), h.text(),
                            h.field() == Mention.Field.BODY ? article.partAt(h.start()) : null)).toList(),
                    Math.round(salience * 1000) / 1000.0));
        }
        // in order of first mention, title first, as the real pipeline reports them
        out.sort(Comparator.comparing((ExtractedEntity e) -> e.mentions().getFirst().field() == Mention.Field.BODY)
                .thenComparingInt(e -> e.mentions().getFirst().start()));
        if (poisoned) {
            out.add(new ExtractedEntity(EntityType.ORGANIZATION, null, null, null, List.of(), List.of(), List.of(), 0.1));
        }
        return new ExtractionResult(out, "scripted-1", 1);
    }

    private static void find(String text, Mention.Field field, List<Hit> hits) {
        if (text == null) {
            return;
        }
        record Form(Script script, String surface) {
        }
        List<Form> forms = new ArrayList<>();
        SCRIPTS.forEach(s -> s.surfaces().forEach(f -> forms.add(new Form(s, f))));
        forms.sort(Comparator.comparingInt((Form f) -> f.surface().length()).reversed());
        boolean[] taken = new boolean[text.length()];
        for (Form f : forms) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(f.surface()) + "(?![\\p{L}\\p{N}])")
                    .matcher(text);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    hits.add(new Hit(f.script(), field, m.start(), m.end(), m.group()));
                }
            }
        }
    }
}
