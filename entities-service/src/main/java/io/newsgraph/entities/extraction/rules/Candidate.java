package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * A span the rule layer is working on: mutable while rules run, turned into mentions at the end.
 *
 * <p>Offsets point into one field's text (title or body).
 */
public final class Candidate {

    /** Where a candidate came from; patterns are exact and never changed by later rules. */
    public enum Source {
        ENGINE,
        PATTERN,
        DATE_RULE,
        TITLE_RULE,
        GAZETTEER,
        PROPAGATED
    }

    public int start;
    public int end;
    public EntityType type;
    public final Source source;
    /** The engine's label, for candidates it proposed. */
    public final String engineLabel;
    public String normalized;
    public String countryCode;
    /** True when the candidate names a country itself (not just a place in one). */
    public boolean country;
    public final List<Role> roles = new ArrayList<>();

    public Candidate(int start, int end, EntityType type, Source source, String engineLabel) {
        this.start = start;
        this.end = end;
        this.type = type;
        this.source = source;
        this.engineLabel = engineLabel;
    }

    public Candidate(int start, int end, EntityType type, Source source) {
        this(start, end, type, source, null);
    }

    public String text(String fieldText) {
        return fieldText.substring(start, end);
    }

    public boolean isEmpty() {
        return end <= start;
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    public boolean overlaps(Candidate other) {
        return overlaps(other.start, other.end);
    }

    public boolean isLocked() {
        return source == Source.PATTERN;
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ")" + (roles.isEmpty() ? "" : roles)
                + (countryCode == null ? "" : " " + countryCode) + (normalized == null ? "" : " =" + normalized);
    }
}
