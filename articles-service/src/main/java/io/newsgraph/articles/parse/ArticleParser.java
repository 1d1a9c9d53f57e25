package io.newsgraph.articles.parse;

import io.newsgraph.articles.parse.ParsedArticle.CitedSource;
import io.newsgraph.articles.parse.ParsedArticle.EmbeddedPost;
import io.newsgraph.articles.parse.ParsedArticle.Section;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the structure of a news article in its text: title, lede, key points, sections, embedded social posts,
 * cited sources and word count.
 *
 * <p>News text arrives in three shapes: plain text where every line is a paragraph and headings are short lines
 * without closing punctuation (as copied from a web page), Markdown-like text with blank lines between paragraphs
 * and {@code #} headings, and HTML. HTML is first turned into the Markdown-like shape; the rest reads lines.
 * Pure function of its input: no state, safe to share.
 */
public final class ArticleParser {

    static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•‣▪◦]|\\d{1,3}[.)])\\s+(.+)$");
    private static final Pattern QUOTE = Pattern.compile("^>\\s?(.*)$");
    /** "— The Japan Times (@japantimes) October 9, 2024", the attribution line of a quoted post. */
    static final Pattern ATTRIBUTION = Pattern.compile(
            "^(?:—|–|--)\\s*(.+?)\\s*\\((@[A-Za-z0-9_.]{1,50})\\)\\s*(.*)$");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern KEY_POINTS_HEADING = Pattern.compile(
            "(?i)^(at a glance|key points|key takeaways|takeaways|highlights|in brief|the big picture|tl;?dr)$");
    static final Pattern SOURCES_HEADING = Pattern.compile(
            "(?i)^(sources?|references|citations|further reading)$");
    private static final Pattern HAS_WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}]");
    private static final int HEADING_MAX_CHARS = 100;
    private static final int HEADING_MAX_WORDS = 14;
    private static final List<DateTimeFormatter> POST_DATES = List.of(
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private enum Kind { HEADING, BULLET, ATTRIBUTION, PARAGRAPH }

    private record Unit(Kind kind, String text, Matcher attribution) {
    }

    private enum ListMode { NONE, KEY_POINTS, SOURCES }

    /** Parses {@code text}; {@code explicitTitle} (may be null) wins over a title found in the text. */
    public ParsedArticle parse(String text, TextFormat format, String explicitTitle) {
        String source = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        boolean html = format == TextFormat.HTML || (format == TextFormat.AUTO && HtmlText.looksLikeHtml(source));
        if (html) {
            source = HtmlText.toLines(source);
        }
        List<Unit> units = units(source);
        String title = blankToNull(explicitTitle);
        int start = 0;
        if (!units.isEmpty()) {
            Unit first = units.get(0);
            if (title == null && first.kind() != Kind.BULLET && first.kind() != Kind.ATTRIBUTION) {
                title = first.text();
                start = 1;
            } else if (title != null && first.text().equalsIgnoreCase(title.strip())) {
                start = 1;
            }
        }

        List<String> keyPoints = new ArrayList<>();
        List<CitedSource> sources = new ArrayList<>();
        List<EmbeddedPost> posts = new ArrayList<>();
        List<MutableSection> sections = new ArrayList<>();
        MutableSection current = new MutableSection(null);
        sections.add(current);
        ListMode mode = ListMode.NONE;
        String lede = null;

        for (int i = start; i < units.size(); i++) {
            Unit u = units.get(i);
            switch (u.kind()) {
                case HEADING -> {
                    if (KEY_POINTS_HEADING.matcher(u.text()).matches()) {
                        mode = ListMode.KEY_POINTS;
                    } else if (SOURCES_HEADING.matcher(u.text()).matches()) {
                        mode = ListMode.SOURCES;
                    } else {
                        mode = ListMode.NONE;
                        current = new MutableSection(u.text());
                        sections.add(current);
                    }
                }
                case BULLET -> {
                    switch (mode) {
                        case KEY_POINTS -> keyPoints.add(u.text());
                        case SOURCES -> sources.add(citedSource(u.text()));
                        case NONE -> current.paragraphs.add(u.text());
                    }
                }
                case ATTRIBUTION -> {
                    String postText = current.paragraphs.isEmpty() ? null : current.paragraphs.remove(current.paragraphs.size() - 1);
                    posts.add(post(postText, u.attribution(), sections.indexOf(current)));
                }
                case PARAGRAPH -> {
                    if (mode == ListMode.SOURCES) {
                        sources.add(citedSource(u.text()));
                        continue;
                    }
                    mode = ListMode.NONE;
                    current.paragraphs.add(u.text());
                }
            }
        }
        // The lede is the first paragraph that survived as prose (a quoted post's text is not a lede).
        for (MutableSection s : sections) {
            if (!s.paragraphs.isEmpty()) {
                lede = s.paragraphs.get(0);
                break;
            }
        }
        // Drop an empty lead-in section but keep post indexes pointing at the right section.
        List<Section> result = new ArrayList<>();
        int shift = 0;
        if (sections.get(0).paragraphs.isEmpty()) {
            sections.remove(0);
            shift = 1;
        }
        for (MutableSection s : sections) {
            result.add(new Section(s.heading, List.copyOf(s.paragraphs)));
        }
        if (shift > 0) {
            List<EmbeddedPost> shifted = new ArrayList<>();
            for (EmbeddedPost p : posts) {
                shifted.add(new EmbeddedPost(p.text(), p.author(), p.handle(), p.date(), p.link(),
                        Math.max(0, p.sectionIndex() - shift)));
            }
            posts = shifted;
        }
        return new ParsedArticle(title, lede, List.copyOf(keyPoints), List.copyOf(result), List.copyOf(posts),
                List.copyOf(sources), wordCount(source));
    }

    /** Counts whitespace-separated tokens that hold at least one letter or digit (so "—" and "-" are no words). */
    public static int wordCount(String text) {
        int count = 0;
        for (String token : text.split("\\s+")) {
            if (!token.isEmpty() && HAS_WORD_CHAR.matcher(token).find()) {
                count++;
            }
        }
        return count;
    }

    private List<Unit> units(String text) {
        String[] raw = text.split("\n", -1);
        List<String> lines = new ArrayList<>(raw.length);
        for (String line : raw) {
            Matcher q = QUOTE.matcher(line.strip());
            lines.add(q.matches() ? q.group(1).strip() : line.strip());
        }
        boolean blockMode = hasBlankLineBetweenContent(lines);
        List<Unit> units = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                flush(units, paragraph);
                continue;
            }
            Matcher m;
            if ((m = MD_HEADING.matcher(line)).matches()) {
                flush(units, paragraph);
                units.add(new Unit(Kind.HEADING, m.group(1), null));
            } else if ((m = ATTRIBUTION.matcher(line)).matches()) {
                flush(units, paragraph);
                units.add(new Unit(Kind.ATTRIBUTION, line, m));
            } else if ((m = BULLET.matcher(line)).matches()) {
                flush(units, paragraph);
                units.add(new Unit(Kind.BULLET, m.group(1).strip(), null));
            } else if (isPlainHeading(lines, i, blockMode, paragraph.length() > 0)) {
                flush(units, paragraph);
                units.add(new Unit(Kind.HEADING, line, null));
            } else if (blockMode) {
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(line);
            } else {
                units.add(new Unit(Kind.PARAGRAPH, line, null));
            }
        }
        flush(units, paragraph);
        return units;
    }

    private static void flush(List<Unit> units, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            units.add(new Unit(Kind.PARAGRAPH, paragraph.toString(), null));
            paragraph.setLength(0);
        }
    }

    private static boolean hasBlankLineBetweenContent(List<String> lines) {
        boolean seenContent = false;
        boolean blankAfterContent = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                blankAfterContent = seenContent;
            } else {
                if (blankAfterContent) {
                    return true;
                }
                seenContent = true;
            }
        }
        return false;
    }

    /**
     * A heading in plain text: a short line without closing punctuation, starting with a capital or digit, followed
     * by more content. In blank-line-separated text it must also stand alone in its block.
     */
    private static boolean isPlainHeading(List<String> lines, int i, boolean blockMode, boolean insideParagraph) {
        String line = lines.get(i);
        if (line.length() > HEADING_MAX_CHARS || insideParagraph) {
            return false;
        }
        char first = line.charAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (".!;,:…\"”’)".indexOf(last) >= 0 || URL.matcher(line).find()) {
            return false;
        }
        if (line.split("\\s+").length > HEADING_MAX_WORDS) {
            return false;
        }
        int next = i + 1;
        if (blockMode) {
            if (next < lines.size() && !lines.get(next).isEmpty()) {
                return false;
            }
            while (next < lines.size() && lines.get(next).isEmpty()) {
                next++;
            }
        }
        // A line right before an attribution is the quoted post's text, however short.
        return next < lines.size() && !ATTRIBUTION.matcher(lines.get(next)).matches();
    }

    private static EmbeddedPost post(String text, Matcher attribution, int sectionIndex) {
        String author = attribution.group(1).strip();
        String handle = attribution.group(2);
        String rest = attribution.group(3).strip();
        String link = null;
        Matcher url = URL.matcher(rest);
        if (url.find()) {
            link = url.group();
            rest = (rest.substring(0, url.start()) + rest.substring(url.end())).strip();
        }
        String body = text;
        if (body != null) {
            Matcher trailing = Pattern.compile("\\s*(https?://\\S+|pic\\.twitter\\.com/\\S+)\\s*$").matcher(body);
            if (trailing.find()) {
                if (link == null && trailing.group(1).startsWith("http")) {
                    link = trailing.group(1);
                }
                body = body.substring(0, trailing.start()).strip();
            }
        }
        return new EmbeddedPost(body, author, handle, date(rest), link, sectionIndex);
    }

    private static LocalDate date(String text) {
        String cleaned = text.replaceAll("[\\s,]+$", "").strip();
        for (DateTimeFormatter f : POST_DATES) {
            try {
                return LocalDate.parse(cleaned, f);
            } catch (DateTimeParseException ignored) {
                // try the next shape
            }
        }
        return null;
    }

    private static CitedSource citedSource(String text) {
        Matcher md = MD_LINK.matcher(text);
        if (md.find()) {
            return new CitedSource(md.group(1).strip(), md.group(2));
        }
        Matcher url = URL.matcher(text);
        if (url.find()) {
            String rest = (text.substring(0, url.start()) + text.substring(url.end()))
                    .replaceAll("[\\s:—–\\-|()]+$", "").replaceAll("^[\\s:—–\\-|()]+", "").strip();
            return new CitedSource(rest.isEmpty() ? url.group() : rest, url.group());
        }
        return new CitedSource(text, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final class MutableSection {
        final String heading;
        final List<String> paragraphs = new ArrayList<>();

        MutableSection(String heading) {
            this.heading = heading;
        }
    }
}
