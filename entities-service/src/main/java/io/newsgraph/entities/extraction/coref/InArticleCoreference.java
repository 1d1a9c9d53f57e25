package io.newsgraph.entities.extraction.coref;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Groups an article's mentions into entities.
 *
 * <p>People: a form joins the entity whose name words contain all of its own, in any order, so "Austin",
 * "Lloyd Austin" and "Lloyd J. Austin III" are one person, and so are "Gen Nakatani" and "Nakatani Gen". Initials
 * and generational suffixes are not required to match. Longer forms are placed first; a short form that fits two
 * people ("Austin" with two Austins in the text) goes to the one mentioned last before it.
 *
 * <p>Organisations: same name without a leading "The", an acronym of the full name ("SDF"), or a trailing part
 * of at least two words ("Indo-Pacific Command"). Places: the same ISO country code, else the same name. Dates: the
 * same ISO value. Handles and hashtags: case-insensitive.
 */
public final class InArticleCoreference {

    private static final Set<String> IGNORED_NAME_WORDS = Set.of("jr", "sr", "ii", "iii", "iv", "v");
    private static final Set<String> ACRONYM_SKIP = Set.of("of", "the", "and", "for", "&");

    public List<EntityCluster> group(List<MentionRef> mentions) {
        List<EntityCluster> clusters = new ArrayList<>();
        Map<String, EntityCluster> byKey = new HashMap<>();
        List<MentionRef> people = new ArrayList<>();
        List<MentionRef> organisations = new ArrayList<>();
        for (MentionRef m : mentions) {
            switch (m.type()) {
                case PERSON -> people.add(m);
                case ORGANIZATION -> organisations.add(m);
                default -> {
                    String key = m.type() + "|" + simpleKey(m);
                    EntityCluster c = byKey.computeIfAbsent(key, k -> newCluster(clusters, m.type()));
                    c.mentions.add(m);
                }
            }
        }
        groupPeople(people, clusters);
        groupOrganisations(organisations, clusters);
        clusters.forEach(c -> c.mentions.sort(Comparator.comparingInt(MentionRef::order)));
        clusters.sort(Comparator.comparingInt(c -> c.mentions.getFirst().order()));
        return clusters;
    }

    private static EntityCluster newCluster(List<EntityCluster> clusters, EntityType type) {
        EntityCluster c = new EntityCluster(type);
        clusters.add(c);
        return c;
    }

    private static String simpleKey(MentionRef m) {
        return switch (m.type()) {
            case DATE, HANDLE, HASHTAG -> m.normalized() != null ? m.normalized() : lower(m.mention().text());
            case URL -> m.mention().text();
            case LOCATION -> m.country() && m.countryCode() != null ? "cc:" + m.countryCode() : withoutThe(m);
            case NATIONALITY -> m.countryCode() != null ? "cc:" + m.countryCode() : withoutThe(m);
            default -> withoutThe(m);
        };
    }

    private void groupPeople(List<MentionRef> people, List<EntityCluster> clusters) {
        List<MentionRef> longestFirst = new ArrayList<>(people);
        longestFirst.sort(Comparator.comparingInt((MentionRef m) -> nameWords(m).size()).reversed()
                .thenComparingInt(MentionRef::order));
        List<EntityCluster> personClusters = new ArrayList<>();
        for (MentionRef m : longestFirst) {
            Set<String> words = nameWords(m);
            List<EntityCluster> fits = personClusters.stream()
                    .filter(c -> !words.isEmpty() && c.words.containsAll(words))
                    .toList();
            EntityCluster target;
            if (fits.isEmpty()) {
                target = newCluster(clusters, EntityType.PERSON);
                personClusters.add(target);
            } else {
                target = fits.stream().max(Comparator.comparingInt(c -> lastBefore(c, m.order()))).orElseThrow();
            }
            target.mentions.add(m);
            target.words.addAll(words);
        }
    }

    private static int lastBefore(EntityCluster c, int order) {
        return c.mentions.stream().mapToInt(MentionRef::order).filter(o -> o < order).max()
                .orElse(Integer.MIN_VALUE + 1 - c.mentions.getFirst().order());
    }

    private void groupOrganisations(List<MentionRef> organisations, List<EntityCluster> clusters) {
        List<MentionRef> longestFirst = new ArrayList<>(organisations);
        longestFirst.sort(Comparator.comparingInt((MentionRef m) -> m.mention().text().length()).reversed()
                .thenComparingInt(MentionRef::order));
        List<EntityCluster> orgClusters = new ArrayList<>();
        Map<EntityCluster, List<String>> names = new HashMap<>();
        for (MentionRef m : longestFirst) {
            String name = withoutThe(m);
            EntityCluster target = null;
            for (EntityCluster c : orgClusters) {
                for (String other : names.get(c)) {
                    if (other.equals(name) || isAcronymOf(m.mention().text(), other) || isTrailingPart(name, other)) {
                        target = c;
                        break;
                    }
                }
                if (target != null) {
                    break;
                }
            }
            if (target == null) {
                target = newCluster(clusters, EntityType.ORGANIZATION);
                orgClusters.add(target);
                names.put(target, new ArrayList<>());
            }
            target.mentions.add(m);
            names.get(target).add(name);
        }
    }

    static boolean isAcronymOf(String acronym, String lowerName) {
        if (acronym.length() < 2 || !acronym.chars().allMatch(ch -> Character.isUpperCase(ch) || ch == '.')) {
            return false;
        }
        String initials = Arrays.stream(lowerName.split("[\\s-]+"))
                .filter(w -> !w.isEmpty() && !ACRONYM_SKIP.contains(w))
                .map(w -> w.substring(0, 1))
                .collect(Collectors.joining());
        return initials.length() >= 2 && initials.equals(acronym.replace(".", "").toLowerCase(Locale.ROOT));
    }

    private static boolean isTrailingPart(String shorter, String longer) {
        return shorter.split(" ").length >= 2 && longer.length() > shorter.length() && longer.endsWith(" " + shorter);
    }

    /** Lower-cased name words, without initials ("J."), stops and generational suffixes. */
    static Set<String> nameWords(MentionRef m) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : m.mention().text().split("[\\s]+")) {
            String word = lower(w).replace(".", "");
            if (word.length() > 1 && !IGNORED_NAME_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static String withoutThe(MentionRef m) {
        String s = lower(m.mention().text());
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    private static String lower(String s) {
        return s.replace('’', '\'').toLowerCase(Locale.ROOT);
    }
}
