package io.newsgraph.articles.parse;

import io.newsgraph.contract.ExtractionRequest.Piece;

import java.util.ArrayList;
import java.util.List;

/**
 * A string the parser derived from the text it reads, with where its characters came from: runs copied from the
 * source text ({@link Piece}s, in order). Joining lines adds characters that come from nowhere (the space between
 * them); every other operation only cuts. Immutable.
 */
final class MappedText {

    private final String text;
    private final List<Piece> pieces;

    private MappedText(String text, List<Piece> pieces) {
        this.text = text;
        this.pieces = pieces;
    }

    /** {@code source.substring(start, end)}, all of it from the source. */
    static MappedText of(String source, int start, int end) {
        String s = source.substring(start, end);
        return new MappedText(s, s.isEmpty() ? List.of() : List.of(new Piece(start, s.length(), 0)));
    }

    String text() {
        return text;
    }

    List<Piece> pieces() {
        return pieces;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** {@code text().substring(from, to)}, with the pieces cut to match. */
    MappedText slice(int from, int to) {
        if (from == 0 && to == text.length()) {
            return this;
        }
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) {
            int s = Math.max(from, p.partStart());
            int e = Math.min(to, p.partStart() + p.length());
            if (s < e) {
                out.add(new Piece(p.bodyStart() + s - p.partStart(), e - s, s - from));
            }
        }
        return new MappedText(text.substring(from, to), List.copyOf(out));
    }

    MappedText slice(int from) {
        return slice(from, text.length());
    }

    /** As {@link String#strip()}. */
    MappedText strip() {
        String s = text.strip();
        if (s.length() == text.length()) {
            return this;
        }
        // strip() only removes whitespace and s starts with none, so its first occurrence is where it was cut
        int from = s.isEmpty() ? 0 : text.indexOf(s);
        return slice(from, from + s.length());
    }

    /** This text followed by {@code other}. */
    MappedText concat(MappedText other) {
        List<Piece> out = new ArrayList<>(pieces);
        for (Piece p : other.pieces) {
            out.add(new Piece(p.bodyStart(), p.length(), p.partStart() + text.length()));
        }
        return new MappedText(text + other.text, List.copyOf(out));
    }

    /** The texts with {@code separator} between them (the separator maps to nothing). */
    static MappedText join(List<MappedText> parts, String separator) {
        StringBuilder sb = new StringBuilder();
        List<Piece> out = new ArrayList<>();
        for (MappedText part : parts) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            for (Piece p : part.pieces) {
                out.add(new Piece(p.bodyStart(), p.length(), p.partStart() + sb.length()));
            }
            sb.append(part.text);
        }
        return new MappedText(sb.toString(), List.copyOf(out));
    }

    @Override
    public String toString() {
        return text;
    }
}
