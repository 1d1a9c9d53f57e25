package io.newsgraph.entities.extraction.salience;

import io.newsgraph.entities.extraction.Mention;

import java.util.List;

/**
 * How central an entity is to its article, 0..1:
 *
 * <pre>
 * salience = 0.30 * inTitle + 0.20 * inLede + 0.35 * log(1 + n) / log(1 + nMax) + 0.15 * spread
 * </pre>
 * where {@code inTitle} and {@code inLede} are 1 when a mention sits in the title or in the lede (the first
 * {@value #LEDE_CHARS} characters of the body), {@code n} is the entity's mention count and {@code nMax} the highest
 * count in the article, and {@code spread} is the distance from first to last body mention over the body's length.
 */
public final class SalienceScorer {

    public static final int LEDE_CHARS = 400;

    private static final double TITLE = 0.30;
    private static final double LEDE = 0.20;
    private static final double FREQUENCY = 0.35;
    private static final double SPREAD = 0.15;

    /**
     * @param mentions    the entity's mentions
     * @param maxMentions the highest mention count of any entity in the article (at least 1)
     * @param bodyLength  length of the body text
     */
    public double score(List<Mention> mentions, int maxMentions, int bodyLength) {
        boolean inTitle = mentions.stream().anyMatch(m -> m.field() == Mention.Field.TITLE);
        boolean inLede = mentions.stream().anyMatch(m -> m.field() == Mention.Field.BODY && m.start() < LEDE_CHARS);
        double frequency = Math.log1p(mentions.size()) / Math.log1p(Math.max(1, maxMentions));
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Mention m : mentions) {
            if (m.field() == Mention.Field.BODY) {
                first = Math.min(first, m.start());
                last = Math.max(last, m.start());
            }
        }
        double spread = last > first && bodyLength > 0 ? (double) (last - first) / bodyLength : 0;
        double score = TITLE * (inTitle ? 1 : 0) + LEDE * (inLede ? 1 : 0) + FREQUENCY * Math.min(1, frequency)
                + SPREAD * Math.min(1, spread);
        return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000.0;
    }
}
