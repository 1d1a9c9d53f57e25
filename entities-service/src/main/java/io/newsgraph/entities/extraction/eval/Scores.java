package io.newsgraph.entities.extraction.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Entity-level counts per type, exact span and type match, as in the CoNLL shared tasks. */
public final class Scores {

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
