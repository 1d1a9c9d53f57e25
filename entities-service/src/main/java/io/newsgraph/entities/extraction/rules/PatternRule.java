package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs, social-media handles and hashtags: exact by pattern, their own types, and never part of another entity
 * (engines often tag a URL as an organisation or a date). Overlapping candidates are cut back or dropped.
 */
public final class PatternRule {

    private static final Pattern URL = Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@/.])@[A-Za-z0-9_]{1,30}(?![\\w@])");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&#/])#[\\p{L}_][\\p{L}\\p{N}_]*");
    private static final String URL_TRAILING = ".,;:!?'\"’”";

    public void apply(TextView view, List<Candidate> candidates) {
        String text = view.text();
        List<Candidate> found = new ArrayList<>();
        Matcher url = URL.matcher(text);
        boolean mayHaveUrl = text.contains("://") || text.contains("www.") || text.contains("WWW.");
        while (mayHaveUrl && url.find()) {
            int end = url.end();
            while (end > url.start() && URL_TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            Candidate c = new Candidate(url.start(), end, EntityType.URL, Candidate.Source.PATTERN);
            c.normalized = text.substring(url.start(), end);
            found.add(c);
        }
        if (text.indexOf('@') >= 0) {
            addAll(found, HANDLE.matcher(text), EntityType.HANDLE);
        }
        if (text.indexOf('#') >= 0) {
            addAll(found, HASHTAG.matcher(text), EntityType.HASHTAG);
        }
        for (Candidate pattern : found) {
            cutAround(candidates, pattern, view);
        }
        candidates.addAll(found);
    }

    private static void addAll(List<Candidate> found, Matcher m, EntityType type) {
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (found.stream().anyMatch(f -> f.overlaps(start, end))) {
                continue; // inside a URL
            }
            Candidate c = new Candidate(start, end, type, Candidate.Source.PATTERN);
            c.normalized = m.group().substring(1).toLowerCase(Locale.ROOT);
            found.add(c);
        }
    }

    /** Removes the pattern's extent from every other candidate, keeping the longer remaining side. */
    static void cutAround(List<Candidate> candidates, Candidate pattern, TextView view) {
        candidates.removeIf(c -> {
            if (!c.overlaps(pattern) || c.isLocked()) {
                return false;
            }
            int leftLen = pattern.start - c.start;
            int rightLen = c.end - pattern.end;
            if (leftLen <= 0 && rightLen <= 0) {
                return true;
            }
            if (leftLen >= rightLen) {
                c.end = pattern.start;
            } else {
                c.start = pattern.end;
            }
            SpanCleaner.trimPunctuation(c, view.text());
            return c.isEmpty();
        });
    }
}
