package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.engine.Annotation;
import io.newsgraph.entities.extraction.engine.EngineSpan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules between the statistical engine and coreference, in order: patterns (URLs, handles, hashtags), dates,
 * span cleaning, known names, titles and roles, type corrections, nationalities, countries, name propagation; then overlaps go.
 * Thread-safe: the word lists are read-only after construction.
 */
public final class RuleLayer {

    private final PatternRule patterns = new PatternRule();
    private final DateRule dates = new DateRule();
    private final SpanCleaner cleaner = new SpanCleaner();
    private final GazetteerRule gazetteerRule;
    private final TitleRule titles;
    private final NationalityRule nationalities;
    private final CountryRule countryRule;
    private final TypeRule types;
    private final PropagationRule propagation;

    public RuleLayer() {
        Countries countries = new Countries();
        Gazetteer gazetteer = new Gazetteer();
        this.gazetteerRule = new GazetteerRule(gazetteer, countries);
        this.titles = new TitleRule(countries);
        this.nationalities = new NationalityRule(countries, gazetteer);
        this.countryRule = new CountryRule(countries, gazetteer);
        this.types = new TypeRule(countries, gazetteer);
        this.propagation = new PropagationRule(countries);
    }

    /** The date rule, for callers that read a date form on its own. */
    public DateRule dateRule() {
        return dates;
    }

    /** One field between the two phases: its text view and its candidates so far. */
    public record Field(TextView view, List<Candidate> candidates) {

        /** The names found in this field so far, by text, for the other field's propagation. */
        public Map<String, Candidate> names() {
            Map<String, Candidate> names = new java.util.LinkedHashMap<>();
            for (Candidate c : candidates) {
                names.putIfAbsent(c.text(view.text()), c);
            }
            return names;
        }
    }

    /** Candidates of one field from the engine's annotation of it, on its own. */
    public List<Candidate> apply(Annotation annotation, LocalDate reference, Map<String, Candidate> otherFieldNames) {
        return finish(prepare(annotation, reference), otherFieldNames);
    }

    /** Every rule up to propagation, which waits for the other field's names. */
    public Field prepare(Annotation annotation, LocalDate reference) {
        TextView view = new TextView(annotation);
        List<Candidate> candidates = new ArrayList<>();
        for (EngineSpan span : annotation.spans()) {
            if (span.type() != null) {
                candidates.add(new Candidate(span.start(), span.end(), span.type(), Candidate.Source.ENGINE,
                        span.label()));
            }
        }
        patterns.apply(view, candidates);
        dates.apply(view, candidates, reference);
        cleaner.apply(view, candidates);
        gazetteerRule.apply(view, candidates);
        titles.apply(view, candidates);
        cleaner.apply(view, candidates);
        types.apply(view, candidates);
        nationalities.apply(view, candidates);
        candidates.removeIf(c -> !c.isLocked() && c.type != EntityType.DATE && !startsCapitalised(c, view));
        return new Field(view, candidates);
    }

    /** Propagation with the other field's names too, countries, and overlaps resolved. */
    public List<Candidate> finish(Field field, Map<String, Candidate> otherFieldNames) {
        TextView view = field.view();
        List<Candidate> candidates = field.candidates();
        propagation.apply(view, candidates, otherFieldNames);
        countryRule.apply(view, candidates);
        return OverlapResolver.resolve(candidates);
    }

    /**
     * Names are capitalised; an engine span of lower-case words ("region") is noise. A name may open with a particle
     * ("al-Qaida", "van Dijk"), a work's title with its article ("the Twilight Zone").
     */
    private static boolean startsCapitalised(Candidate c, TextView view) {
        String text = c.text(view.text());
        if (c.type == EntityType.WORK) {
            text = text.replaceFirst("^(the|a|an) (?=\\S)", ""); // "the Twilight Zone": the title's article
        }
        int cp = text.codePointAt(0);
        return Character.isUpperCase(cp) || Character.isDigit(cp) || NameParticles.startsName(text);
    }
}
