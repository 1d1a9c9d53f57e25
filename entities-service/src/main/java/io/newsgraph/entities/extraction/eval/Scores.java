package io.newsgraph.entities.extraction.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entity-level counts per type. Strict: exact span and type, as in the CoNLL shared tasks. Lenient: same type and
 * overlapping spans, each gold span matched at most once ("Defense Lloyd J. Austin III" for "Lloyd J. Austin III").
 */
public final class Scores {

    private final boolean lenient;

    public Scores() {
        this(false);
    }

    public Scores(boolean lenient) {
        this.lenient = lenient;
    }

    /** Counts of one type. */
    public static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            int gold = truePositives + falseNegatives;
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int gold() {
            return truePositives + falseNegatives;
        }
    }

    private final Map<String, Counts> byType = new TreeMap<>();

    public void add(List<GoldSpan> gold, List<GoldSpan> predicted) {
        if (lenient) {
            addLenient(gold, predicted);
            return;
        }
        Set<GoldSpan> goldSet = new HashSet<>(gold);
        Set<GoldSpan> predictedSet = new HashSet<>(predicted);
        for (GoldSpan p : predictedSet) {
            Counts c = counts(p.type());
            if (goldSet.contains(p)) {
                c.truePositives++;
            } else {
                c.falsePositives++;
            }
        }
        for (GoldSpan g : goldSet) {
            if (!predictedSet.contains(g)) {
                counts(g.type()).falseNegatives++;
            }
        }
    }

    private void addLenient(List<GoldSpan> gold, List<GoldSpan> predicted) {
        List<GoldSpan> unmatched = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(gold));
        for (GoldSpan p : new java.util.LinkedHashSet<>(predicted)) {
            GoldSpan hit = null;
            for (GoldSpan g : unmatched) {
                if (g.type().equals(p.type()) && g.start() < p.end() && p.start() < g.end()) {
                    hit = g;
                    break;
                }
            }
            if (hit != null) {
                unmatched.remove(hit);
                counts(p.type()).truePositives++;
            } else {
                counts(p.type()).falsePositives++;
            }
        }
        unmatched.forEach(g -> counts(g.type()).falseNegatives++);
    }

    public Counts counts(String type) {
        return byType.computeIfAbsent(type, t -> new Counts());
    }

    /** Micro-average over the given types. */
    public Counts overall(Set<String> types) {
        Counts all = new Counts();
        byType.forEach((type, c) -> {
            if (types.contains(type)) {
                all.truePositives += c.truePositives;
                all.falsePositives += c.falsePositives;
                all.falseNegatives += c.falseNegatives;
            }
        });
        return all;
    }
}
