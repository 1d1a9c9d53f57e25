package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, normalised to ISO 8601 at the precision the text gives: a day ({@code 2024-10-09}), an ISO week
 * ({@code 2024-W41}), a month ({@code 2024-10}) or a year ({@code 2024}).
 *
 * <p>Relative and partial expressions ("today", "last week", "on Tuesday", "in February", "Oct. 9") resolve
 * against the reference date (the article's publication date, else the time it was taken in). A bare weekday means
 * the latest such day on or before the reference, as news reports past events; "next Tuesday" looks forward; a bare
 * month is that month of the reference's year. What cannot be pinned down (no reference, or an engine date no rule
 * reads: "recent years", "the 1990s") is still a date mention, with no normalised value.
 */
public final class DateRule {

    private static final String MONTH = "(?<month>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May"
            + "|June?|July?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
    private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th)?";
    private static final String YEAR = "(?<year>1[5-9]\\d\\d|20\\d\\d)";
    private static final String WEEKDAY = "(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "\\b"),
            Pattern.compile("\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR + "\\b"),
            Pattern.compile("\\b(?<iso>" + YEAR + "-(?<m>[01]\\d)-(?<d>[0-3]\\d))\\b"),
            Pattern.compile("\\b" + MONTH + ",?\\s+" + YEAR + "\\b"),
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "\\b(?!\\s*(?:,\\s*)?\\d)"),
            // a month on its own, after a word that makes it a time ("in February", "since March"); "May" alone is
            // too often the verb
            Pattern.compile("(?<=\\b(?:in|since|by|until|from|during|before|after|early|late|mid-?)\\s)"
                    + "(?<month>Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|June|July|Aug(?:ust)?|Sept?(?:ember)?"
                    + "|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b(?!\\s+\\d)"),
            Pattern.compile("\\b(?<rel>(?:(?<dir>last|this|next|past)\\s+)?" + WEEKDAY + ")\\b"),
            Pattern.compile("\\b(?<rel>today|yesterday|tomorrow|tonight)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?<rel>(?<dir>last|this|next|past)\\s+(?<unit>week|month|year))\\b",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?<=\\b(?:in|since|by|until|from|of|during|before|after|early|late|mid-?)\\s)" + YEAR
                    + "\\b(?![-/]\\d)"));

    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            MONTHS.put(full, m);
            MONTHS.put(full.substring(0, 3), m);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
    }

    public void apply(TextView view, List<Candidate> candidates, LocalDate reference) {
        String text = view.text();
        List<Candidate> found = new ArrayList<>();
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (found.stream().anyMatch(f -> f.overlaps(start, end))
                        || candidates.stream().anyMatch(c -> c.isLocked() && c.overlaps(start, end))) {
                    continue;
                }
                // a date without a reference to pin it is still a date, with no value
                Candidate c = new Candidate(start, end, EntityType.DATE, Candidate.Source.DATE_RULE);
                c.normalized = normalise(m, reference).orElse(null);
                found.add(c);
            }
        }
        // the rule's dates replace what they overlap; engine dates no rule reads stay, with no value
        candidates.removeIf(c -> !c.isLocked() && found.stream().anyMatch(f -> f.overlaps(c)));
        candidates.removeIf(c -> c.type == EntityType.DATE && c.source != Candidate.Source.DATE_RULE
                && !namesATime(c.text(text)));
        candidates.addAll(found);
    }

    /**
     * An engine date worth keeping unpinned: it holds a digit or a time word ("the 1990s", "recent years", "two
     * weeks"), not a lone word the engine misread ("Christmas" is kept, "annual" is not).
     */
    private static boolean namesATime(String text) {
        return TIME_WORDS.matcher(text).find();
    }

    private static final Pattern TIME_WORDS = Pattern.compile(
            "\\d|(?i)\\b(?:day|days|week|weeks|month|months|year|years|decade|decades|century|centuries|season|"
                    + "spring|summer|autumn|fall|winter|morning|afternoon|evening|night|weekend|quarter|christmas|"
                    + "easter|ramadan|eid|hanukkah|new year)\\b");

    /** Normalises one date expression on its own (the whole text), if it is one. */
    public Optional<String> normalise(String expression, LocalDate reference) {
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(expression.strip());
            if (m.matches()) {
                return normalise(m, reference);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> normalise(Matcher m, LocalDate reference) {
        Map<String, Integer> groups = m.pattern().namedGroups();
        if (groups.containsKey("iso")) {
            return valid(Integer.parseInt(m.group("year")), Integer.parseInt(m.group("m")),
                    Integer.parseInt(m.group("d")));
        }
        if (groups.containsKey("rel")) {
            return reference == null ? Optional.empty() : relative(m, groups, reference);
        }
        Month month = groups.containsKey("month") ? month(m.group("month")) : null;
        Integer year = groups.containsKey("year") ? Integer.valueOf(m.group("year")) : null;
        Integer day = groups.containsKey("day") ? Integer.valueOf(m.group("day")) : null;
        if (month == null) {
            return Optional.of(String.valueOf(year));
        }
        if (year == null) {
            if (reference == null) {
                return Optional.empty();
            }
            year = reference.getYear();
        }
        if (day == null) {
            return Optional.of(String.format("%04d-%02d", year, month.getValue()));
        }
        return valid(year, month.getValue(), day);
    }

    private static Optional<String> relative(Matcher m, Map<String, Integer> groups, LocalDate reference) {
        String dir = groups.containsKey("dir") && m.group("dir") != null ? m.group("dir").toLowerCase(Locale.ROOT) : "";
        if (groups.containsKey("weekday")) {
            DayOfWeek day = DayOfWeek.valueOf(m.group("weekday").toUpperCase(Locale.ROOT));
            LocalDate date = switch (dir) {
                case "next" -> reference.with(TemporalAdjusters.next(day));
                case "last", "past" -> reference.with(TemporalAdjusters.previous(day));
                case "this" -> reference.with(TemporalAdjusters.nextOrSame(day));
                default -> reference.with(TemporalAdjusters.previousOrSame(day));
            };
            return Optional.of(date.toString());
        }
        if (groups.containsKey("unit")) {
            int step = switch (dir) {
                case "last", "past" -> -1;
                case "next" -> 1;
                default -> 0;
            };
            return Optional.of(switch (m.group("unit").toLowerCase(Locale.ROOT)) {
                case "week" -> {
                    LocalDate d = reference.plusWeeks(step);
                    yield String.format("%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                }
                case "month" -> reference.plusMonths(step).toString().substring(0, 7);
                default -> String.valueOf(reference.getYear() + step);
            });
        }
        return Optional.of(switch (m.group("rel").toLowerCase(Locale.ROOT)) {
            case "yesterday" -> reference.minusDays(1).toString();
            case "tomorrow" -> reference.plusDays(1).toString();
            default -> reference.toString();
        });
    }

    private static Month month(String text) {
        String key = text.toLowerCase(Locale.ROOT).replace(".", "");
        Month month = MONTHS.get(key);
        return month != null ? month : MONTHS.get(key.substring(0, 3));
    }

    private static Optional<String> valid(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day).toString());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
