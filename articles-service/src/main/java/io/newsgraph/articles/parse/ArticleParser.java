package io.newsgraph.articles.parse;

import io.newsgraph.articles.parse.ParsedArticle.CitedSource;
import io.newsgraph.articles.parse.ParsedArticle.EmbeddedPost;
import io.newsgraph.articles.parse.ParsedArticle.Section;
import io.newsgraph.contract.ExtractionRequest;

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
    private static final Pattern SOURCE_TRIM_END = Pattern.compile("[\\s:—–\\-|()]+$");
    private static final Pattern SOURCE_TRIM_START = Pattern.compile("^[\\s:—–\\-|()]+");
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

    private record Unit(Kind kind, MappedText text, Matcher attribution) {
    }

    /**
     * What {@link #read} finds.
     *
     * @param text    the text the parser read (line ends normalised, HTML turned into lines): what offsets of
     *                {@code layout} point into
     * @param article the structure found
     * @param layout  for each rendered part of {@code article}, where its characters are in {@code text}; empty when
     *                it would hold more than {@link ExtractionRequest#MAX_LAYOUT_PIECES} pieces
     */
    public record Reading(String text, ParsedArticle article, List<ExtractionRequest.LayoutPart> layout) {
    }

    private enum ListMode { NONE, KEY_POINTS, SOURCES }

    /** Parses {@code text}; {@code explicitTitle} (may be null) wins over a title found in the text. */
    public ParsedArticle parse(String text, TextFormat format, String explicitTitle) {
        return read(text, format, explicitTitle).article();
    }

    /** As {@link #parse}, also answering the text read and where each rendered part sits in it. */
    public Reading read(String text, TextFormat format, String explicitTitle) {
        String source = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        boolean html = format == TextFormat.HTML || (format == TextFormat.AUTO && HtmlText.looksLikeHtml(source));
        if (html) {
            source = HtmlText.toLines(source);
        }
        List<Unit> units = units(source);
        String title = blankToNull(explicitTitle);
        MappedText titleText = null;
        int start = 0;
        if (!units.isEmpty()) {
            Unit first = units.get(0);
            if (title == null && first.kind() != Kind.BULLET && first.kind() != Kind.ATTRIBUTION) {
                title = first.text().text();
                titleText = first.text();
                start = 1;
            } else if (title != null && first.text().text().equalsIgnoreCase(title.strip())) {
                start = 1;
                // the line is the title as rendered only when it is spelled the same
                titleText = first.text().text().equals(title) ? first.text() : null;
            }
        }

        List<MappedText> keyPoints = new ArrayList<>();
        List<MappedSource> sources = new ArrayList<>();
        List<MappedPost> posts = new ArrayList<>();
        List<MutableSection> sections = new ArrayList<>();
        MutableSection current = new MutableSection(null);
        sections.add(current);
        ListMode mode = ListMode.NONE;
        MappedText lede = null;

        for (int i = start; i < units.size(); i++) {
            Unit u = units.get(i);
            switch (u.kind()) {
                case HEADING -> {
                    if (KEY_POINTS_HEADING.matcher(u.text().text()).matches()) {
                        mode = ListMode.KEY_POINTS;
                    } else if (SOURCES_HEADING.matcher(u.text().text()).matches()) {
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
                    MappedText postText = current.paragraphs.isEmpty() ? null : current.paragraphs.remove(current.paragraphs.size() - 1);
                    posts.add(post(postText, u.text(), u.attribution(), sections.indexOf(current)));
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
        int shift = 0;
        if (sections.get(0).paragraphs.isEmpty()) {
            sections.remove(0);
            shift = 1;
        }
        List<Section> result = new ArrayList<>();
        for (MutableSection s : sections) {
            result.add(new Section(s.heading == null ? null : s.heading.text(),
                    s.paragraphs.stream().map(MappedText::text).toList()));
        }
        List<EmbeddedPost> embedded = new ArrayList<>();
        for (MappedPost p : posts) {
            embedded.add(new EmbeddedPost(p.text() == null ? null : p.text().text(), p.author().text(),
                    p.handle().text(), p.date(), p.link(), Math.max(0, p.sectionIndex() - shift)));
        }
        ParsedArticle article = new ParsedArticle(title, lede == null ? null : lede.text(),
                keyPoints.stream().map(MappedText::text).toList(), List.copyOf(result), List.copyOf(embedded),
                sources.stream().map(s -> new CitedSource(s.text().text(), s.url())).toList(), wordCount(source));
        return new Reading(source, article, layout(titleText, lede, keyPoints, sections, posts, sources));
    }

    /** The rendered parts of the article, in the order and with the indexes {@link ParsedArticle} lists them. */
    private static List<ExtractionRequest.LayoutPart> layout(MappedText title, MappedText lede,
                                                             List<MappedText> keyPoints, List<MutableSection> sections,
                                                             List<MappedPost> posts, List<MappedSource> sources) {
        LayoutBuilder out = new LayoutBuilder();
        out.add(ExtractionRequest.TITLE, null, null, title);
        out.add(ExtractionRequest.LEDE, null, null, lede);
        for (int i = 0; i < keyPoints.size(); i++) {
            out.add(ExtractionRequest.KEY_POINT, i, null, keyPoints.get(i));
        }
        for (int i = 0; i < sections.size(); i++) {
            MutableSection s = sections.get(i);
            out.add(ExtractionRequest.SECTION_HEADING, i, null, s.heading);
            for (int j = 0; j < s.paragraphs.size(); j++) {
                out.add(ExtractionRequest.PARAGRAPH, i, j, s.paragraphs.get(j));
            }
        }
        for (int i = 0; i < posts.size(); i++) {
            MappedPost p = posts.get(i);
            out.add(ExtractionRequest.POST_TEXT, i, null, p.text());
            out.add(ExtractionRequest.POST_AUTHOR, i, null, p.author());
            out.add(ExtractionRequest.POST_HANDLE, i, null, p.handle());
        }
        for (int i = 0; i < sources.size(); i++) {
            out.add(ExtractionRequest.SOURCE, i, null, sources.get(i).text());
        }
        return out.build();
    }

    /** Collects layout parts, dropping those with nothing from the body, and gives up past the size bound. */
    private static final class LayoutBuilder {
        private final List<ExtractionRequest.LayoutPart> parts = new ArrayList<>();
        private int pieces;

        void add(String part, Integer index, Integer paragraph, MappedText text) {
            if (text == null || text.pieces().isEmpty()) {
                return;
            }
            pieces += text.pieces().size();
            parts.add(new ExtractionRequest.LayoutPart(part, index, paragraph, text.pieces()));
        }

        List<ExtractionRequest.LayoutPart> build() {
            return pieces > ExtractionRequest.MAX_LAYOUT_PIECES ? List.of() : List.copyOf(parts);
        }
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
        List<MappedText> mapped = new ArrayList<>(raw.length);
        List<String> lines = new ArrayList<>(raw.length);
        int at = 0;
        for (String line : raw) {
            MappedText stripped = MappedText.of(text, at, at + line.length()).strip();
            at += line.length() + 1;
            Matcher q = QUOTE.matcher(stripped.text());
            MappedText l = q.matches() ? stripped.slice(q.start(1), q.end(1)).strip() : stripped;
            mapped.add(l);
            lines.add(l.text());
        }
        boolean blockMode = hasBlankLineBetweenContent(lines);
        List<Unit> units = new ArrayList<>();
        List<MappedText> paragraph = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            MappedText mappedLine = mapped.get(i);
            if (line.isEmpty()) {
                flush(units, paragraph);
                continue;
            }
            Matcher m;
            if ((m = MD_HEADING.matcher(line)).matches()) {
                flush(units, paragraph);
                units.add(new Unit(Kind.HEADING, mappedLine.slice(m.start(1), m.end(1)), null));
            } else if ((m = ATTRIBUTION.matcher(line)).matches()) {
                flush(units, paragraph);
                units.add(new Unit(Kind.ATTRIBUTION, mappedLine, m));
            } else if ((m = BULLET.matcher(line)).matches()) {
                flush(units, paragraph);
                units.add(new Unit(Kind.BULLET, mappedLine.slice(m.start(1), m.end(1)).strip(), null));
            } else if (isPlainHeading(lines, i, blockMode, !paragraph.isEmpty())) {
                flush(units, paragraph);
                units.add(new Unit(Kind.HEADING, mappedLine, null));
            } else if (blockMode) {
                paragraph.add(mappedLine);
            } else {
                units.add(new Unit(Kind.PARAGRAPH, mappedLine, null));
            }
        }
        flush(units, paragraph);
        return units;
    }

    private static void flush(List<Unit> units, List<MappedText> paragraph) {
        if (!paragraph.isEmpty()) {
            // a paragraph's lines are joined by one space: the line break and the indentation around it map to it
            units.add(new Unit(Kind.PARAGRAPH, MappedText.join(paragraph, " "), null));
            paragraph.clear();
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

    private static MappedPost post(MappedText text, MappedText line, Matcher attribution, int sectionIndex) {
        MappedText author = line.slice(attribution.start(1), attribution.end(1)).strip();
        MappedText handle = line.slice(attribution.start(2), attribution.end(2));
        String rest = attribution.group(3).strip();
        String link = null;
        Matcher url = URL.matcher(rest);
        if (url.find()) {
            link = url.group();
            rest = (rest.substring(0, url.start()) + rest.substring(url.end())).strip();
        }
        MappedText body = text;
        if (body != null) {
            Matcher trailing = Pattern.compile("\\s*(https?://\\S+|pic\\.twitter\\.com/\\S+)\\s*$").matcher(body.text());
            if (trailing.find()) {
                if (link == null && trailing.group(1).startsWith("http")) {
                    link = trailing.group(1);
                }
                body = body.slice(0, trailing.start()).strip();
            }
        }
        return new MappedPost(body, author, handle, date(rest), link, sectionIndex);
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

    private static MappedSource citedSource(MappedText mapped) {
        String text = mapped.text();
        Matcher md = MD_LINK.matcher(text);
        if (md.find()) {
            return new MappedSource(mapped.slice(md.start(1), md.end(1)).strip(), md.group(2));
        }
        Matcher url = URL.matcher(text);
        if (url.find()) {
            MappedText rest = mapped.slice(0, url.start()).concat(mapped.slice(url.end()));
            Matcher trailing = SOURCE_TRIM_END.matcher(rest.text());
            if (trailing.find()) {
                rest = rest.slice(0, trailing.start());
            }
            Matcher leading = SOURCE_TRIM_START.matcher(rest.text());
            if (leading.find()) {
                rest = rest.slice(leading.end());
            }
            rest = rest.strip();
            return new MappedSource(rest.isEmpty() ? mapped.slice(url.start(), url.end()) : rest, url.group());
        }
        return new MappedSource(mapped, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record MappedPost(MappedText text, MappedText author, MappedText handle, LocalDate date, String link,
                              int sectionIndex) {
    }

    private record MappedSource(MappedText text, String url) {
    }

    private static final class MutableSection {
        final MappedText heading;
        final List<MappedText> paragraphs = new ArrayList<>();

        MutableSection(MappedText heading) {
            this.heading = heading;
        }
    }
}
