package io.newsgraph.articles.parse;

import io.newsgraph.contract.ExtractionRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The text entities are extracted from: what {@link ArticleParser} reads (HTML already turned into lines, so no markup
 * is taken for names), with the ranges that are not the article's own prose: each quoted post (its text line and its
 * attribution line) and the cited-sources list (from its heading to the next heading or the end). Offsets are Java
 * {@code String} indices into the returned text.
 */
public final class ExtractionText {

    /** The text and its parts. */
    public record Text(String text, List<ExtractionRequest.Part> parts) {
    }

    private ExtractionText() {
    }

    /** The text as {@link ArticleParser} already read it ({@link ArticleParser.Reading#text()}), with its parts. */
    public static Text read(String readText) {
        return new Text(readText, parts(readText));
    }

    static List<ExtractionRequest.Part> parts(String text) {
        List<ExtractionRequest.Part> parts = new ArrayList<>();
        List<int[]> lines = new ArrayList<>();
        for (int at = 0; at <= text.length(); ) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            lines.add(new int[]{at, end});
            at = end + 1;
        }
        int sourcesStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = line(text, lines.get(i));
            Matcher heading = ArticleParser.MD_HEADING.matcher(line);
            String headingText = heading.matches() ? heading.group(1) : line;
            if (sourcesStart >= 0 && heading.matches() && !ArticleParser.SOURCES_HEADING.matcher(headingText).matches()) {
                parts.add(new ExtractionRequest.Part(ExtractionRequest.SOURCES, sourcesStart, lines.get(i - 1)[1]));
                sourcesStart = -1;
            }
            if (sourcesStart < 0 && ArticleParser.SOURCES_HEADING.matcher(headingText).matches()) {
                sourcesStart = lines.get(i)[0];
                continue;
            }
            if (sourcesStart < 0 && ArticleParser.ATTRIBUTION.matcher(line).matches()) {
                int first = i;
                // the post's text is the closest non-blank line above the attribution
                for (int j = i - 1; j >= 0; j--) {
                    if (!line(text, lines.get(j)).isEmpty()) {
                        first = j;
                        break;
                    }
                }
                parts.add(new ExtractionRequest.Part(ExtractionRequest.EMBEDDED_POST, lines.get(first)[0],
                        lines.get(i)[1]));
            }
        }
        if (sourcesStart >= 0) {
            int end = text.length();
            while (end > sourcesStart && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            parts.add(new ExtractionRequest.Part(ExtractionRequest.SOURCES, sourcesStart, end));
        }
        return List.copyOf(parts);
    }

    private static String line(String text, int[] range) {
        String line = text.substring(range[0], range[1]).strip();
        return line.startsWith(">") ? line.substring(1).strip() : line;
    }
}
