package io.newsgraph.articles.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns HTML into the line format {@link ArticleParser} reads: headings as {@code ## text}, list items as
 * {@code - text}, every block on its own line, blocks separated by blank lines. Scripts, styles and other
 * non-content elements are dropped; entities are decoded. jsoup does the HTML parsing: real-world markup is too
 * irregular for anything less than a full HTML5 parser.
 */
final class HtmlText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "<(p|div|h[1-6]|ul|ol|li|br|blockquote|article|section|body|html|span|a|script)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "svg", "head", "nav", "footer", "form");
    private static final Set<String> BLOCKS = Set.of("p", "div", "article", "section", "main", "header", "figure",
            "figcaption", "pre", "address", "aside", "table", "tr", "dl", "dt", "dd");

    private HtmlText() {
    }

    static boolean looksLikeHtml(String text) {
        return LOOKS_LIKE_HTML.matcher(text).find();
    }

    static String toLines(String html) {
        Document doc = Jsoup.parse(html);
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        walk(doc.body(), lines, current);
        flush(lines, current, "");
        return String.join("\n\n", lines);
    }

    private static void walk(Element element, List<String> lines, StringBuilder current) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                current.append(text.text());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (DROPPED.contains(tag)) {
                    continue;
                }
                if (tag.matches("h[1-6]")) {
                    flush(lines, current, "");
                    lines.add("#".repeat(tag.charAt(1) - '0') + " " + squash(e.text()));
                } else if (tag.equals("li")) {
                    flush(lines, current, "");
                    lines.add("- " + squash(e.text()));
                } else if (tag.equals("br")) {
                    flush(lines, current, "");
                } else if (tag.equals("blockquote")) {
                    flush(lines, current, "");
                    quote(e, lines);
                } else if (BLOCKS.contains(tag)) {
                    flush(lines, current, "");
                    walk(e, lines, current);
                    flush(lines, current, "");
                } else {
                    walk(e, lines, current);
                }
            }
        }
    }

    /**
     * A quoted post: its paragraphs, then the attribution line with the permalink (the last link) appended, so the
     * parser sees the same shape as in plain text.
     */
    private static void quote(Element blockquote, List<String> lines) {
        StringBuilder current = new StringBuilder();
        List<String> inner = new ArrayList<>();
        walk(blockquote, inner, current);
        flush(inner, current, "");
        if (!inner.isEmpty()) {
            String last = inner.get(inner.size() - 1);
            Element lastLink = blockquote.select("a[href]").last();
            if (lastLink != null && (last.startsWith("—") || last.startsWith("–") || last.startsWith("--"))) {
                inner.set(inner.size() - 1, last + " " + lastLink.attr("href"));
            }
        }
        lines.addAll(inner);
    }

    private static void flush(List<String> lines, StringBuilder current, String prefix) {
        String text = squash(current.toString());
        if (!text.isEmpty()) {
            lines.add(prefix + text);
        }
        current.setLength(0);
    }

    private static String squash(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
