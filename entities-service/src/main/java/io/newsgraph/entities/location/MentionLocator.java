package io.newsgraph.entities.location;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a mention's offsets (into the title or the body) into its locations in the rendered parts. A pure function of
 * the layout, built once per article: the pieces are indexed by body offset, so a mention costs a binary search and
 * the pieces that overlap it (the lede's and its paragraph's), not a walk over the article.
 *
 * <p>A body mention is located in a part when its first and its last character both come from that part; what lies
 * between may be a line break the part joined into a space. A mention in text no part renders (a heading that
 * introduces the key points, an attribution's date) has no location.
 */
public final class MentionLocator {

    private record Entry(int part, ArticleLayout.Piece piece) {
        int bodyEnd() {
            return piece.bodyStart() + piece.length();
        }
    }

    private final List<ArticleLayout.Part> parts;
    private final Entry[] byStart;
    /** maxEnd[i]: the largest body end among byStart[0..i], to stop the backward scan early. */
    private final int[] maxEnd;

    public MentionLocator(ArticleLayout layout) {
        this.parts = layout.parts();
        List<Entry> entries = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            for (ArticleLayout.Piece piece : parts.get(p).pieces()) {
                entries.add(new Entry(p, piece));
            }
        }
        byStart = entries.toArray(Entry[]::new);
        Arrays.sort(byStart, Comparator.comparingInt((Entry e) -> e.piece().bodyStart()).thenComparingInt(Entry::part));
        maxEnd = new int[byStart.length];
        for (int i = 0; i < byStart.length; i++) {
            maxEnd[i] = Math.max(i == 0 ? 0 : maxEnd[i - 1], byStart[i].bodyEnd());
        }
    }

    /** The locations of a body mention (a title mention is located by {@link #inTitle}). */
    public List<MentionLocation> locate(int start, int end) {
        if (start < 0 || end <= start) {
            return List.of();
        }
        List<MentionLocation> out = new ArrayList<>();
        for (Entry first : containing(start)) {
            Entry last = pieceOf(first.part(), end - 1);
            if (last == null) {
                continue;
            }
            int from = first.piece().partStart() + start - first.piece().bodyStart();
            int to = last.piece().partStart() + end - 1 - last.piece().bodyStart() + 1;
            if (to > from) {
                ArticleLayout.Part p = parts.get(first.part());
                out.add(new MentionLocation(p.part(), p.index(), p.paragraph(), from, to));
            }
        }
        return out;
    }

    /** A title mention: the title is served as it was extracted from, so it is at the same offsets there. */
    public static List<MentionLocation> inTitle(int start, int end) {
        return end > start && start >= 0 ? List.of(new MentionLocation(ArticlePart.TITLE, null, null, start, end))
                : List.of();
    }

    /** The pieces that hold body offset {@code at}, in part order. */
    private List<Entry> containing(int at) {
        List<Entry> out = new ArrayList<>(2);
        for (int i = lastStartingAtOrBefore(at); i >= 0 && maxEnd[i] > at; i--) {
            if (byStart[i].bodyEnd() > at) {
                out.add(byStart[i]);
            }
        }
        out.sort(Comparator.comparingInt(Entry::part));
        return out;
    }

    private Entry pieceOf(int part, int at) {
        for (int i = lastStartingAtOrBefore(at); i >= 0 && maxEnd[i] > at; i--) {
            if (byStart[i].part() == part && byStart[i].bodyEnd() > at) {
                return byStart[i];
            }
        }
        return null;
    }

    private int lastStartingAtOrBefore(int at) {
        int lo = 0;
        int hi = byStart.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (byStart[mid].piece().bodyStart() <= at) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
